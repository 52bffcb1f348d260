/*
 * xwatch: times what a person sees on an X display. It grabs the screen (or
 * a region) with XGetImage every few milliseconds and reports when it
 * changes, so that a measurement ends when the pixels do, not when a
 * program says it is done. Used by scripts/measure-desktop.sh.
 *
 *   xwatch [-r X,Y,W,H] [-q QUIET_MS] [-t TIMEOUT_MS] launch PROGRAM [ARGS...]
 *       starts PROGRAM (in the background, its pid on stderr as "pid N")
 *       and prints "FIRST SETTLED": milliseconds from the start to the first
 *       change of the screen, and to the last change before QUIET_MS
 *       without one.
 *   xwatch [-r X,Y,W,H] [-q QUIET_MS] [-t TIMEOUT_MS] run COMMAND
 *       runs COMMAND with the shell (an xdotool key press), then prints
 *       "FIRST SETTLED" the same way, from just before the command.
 *
 * Build: cc -O2 -o xwatch xwatch.c -lX11
 */
#include <X11/Xlib.h>
#include <fcntl.h>
#include <X11/Xutil.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void) {
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static uint64_t grab(Display *d, Window root, int x, int y, int w, int h) {
	XImage *img = XGetImage(d, root, x, y, w, h, AllPlanes, ZPixmap);
	uint64_t hash = 1469598103934665603ULL; /* FNV-1a */
	if (!img)
		return 0;
	for (int row = 0; row < h; row++) {
		const unsigned char *p = (const unsigned char *)img->data + (size_t)row * img->bytes_per_line;
		for (int i = 0; i < w * (img->bits_per_pixel / 8); i++) {
			hash ^= p[i];
			hash *= 1099511628211ULL;
		}
	}
	XDestroyImage(img);
	return hash;
}

int main(int argc, char **argv) {
	int x = 0, y = 0, w = 0, h = 0, quiet = 800, timeout = 20000;
	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i += 2) {
		if (i + 1 >= argc)
			break;
		if (!strcmp(argv[i], "-r"))
			sscanf(argv[i + 1], "%d,%d,%d,%d", &x, &y, &w, &h);
		else if (!strcmp(argv[i], "-q"))
			quiet = atoi(argv[i + 1]);
		else if (!strcmp(argv[i], "-t"))
			timeout = atoi(argv[i + 1]);
	}
	if (i + 1 >= argc) {
		fprintf(stderr, "usage: xwatch [-r X,Y,W,H] [-q MS] [-t MS] launch PROGRAM... | run COMMAND\n");
		return 2;
	}
	Display *d = XOpenDisplay(NULL);
	if (!d) {
		fprintf(stderr, "xwatch: cannot open the display\n");
		return 1;
	}
	Window root = DefaultRootWindow(d);
	if (w == 0) {
		w = DisplayWidth(d, DefaultScreen(d));
		h = DisplayHeight(d, DefaultScreen(d));
	}
	uint64_t before = grab(d, root, x, y, w, h);
	double start = now_ms();
	if (!strcmp(argv[i], "launch")) {
		pid_t pid = fork();
		if (pid == 0) {
			/* The program must not hold the caller's output open. */
			int null = open("/dev/null", O_WRONLY);
			dup2(null, 1);
			dup2(null, 2);
			execvp(argv[i + 1], argv + i + 1);
			_exit(127);
		}
		fprintf(stderr, "pid %d\n", (int)pid);
	} else if (system(argv[i + 1]) != 0) {
		fprintf(stderr, "xwatch: the command failed\n");
	}
	double first = -1, last = -1;
	uint64_t seen = before;
	for (;;) {
		double t = now_ms();
		if (t - start > timeout)
			break;
		uint64_t cur = grab(d, root, x, y, w, h);
		if (cur != seen) {
			seen = cur;
			last = t - start;
			if (first < 0)
				first = last;
		}
		if (first >= 0 && t - start - last > quiet)
			break;
		usleep(2000);
	}
	if (first < 0) {
		printf("timeout timeout\n");
		return 1;
	}
	printf("%.0f %.0f\n", first, last);
	return 0;
}
