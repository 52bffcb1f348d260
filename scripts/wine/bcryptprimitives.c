/*
 * A stand-in for Windows' bcryptprimitives.dll, for the Wine smoke test only
 * (scripts/smoke-windows.sh); it is never shipped. Go's runtime (1.24 and
 * later) takes its random numbers from ProcessPrng in bcryptprimitives.dll,
 * which Windows 10 and 11 have and Wine before 9.0 (Debian 12 ships 8.0)
 * does not, so a Go program dies at start under that Wine. This DLL forwards
 * ProcessPrng to bcrypt's BCryptGenRandom, the system's generator.
 * Built by: x86_64-w64-mingw32-gcc -shared -O2 -o bcryptprimitives.dll bcryptprimitives.c -lbcrypt
 */
#include <windows.h>
#include <bcrypt.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len > 0) {
		ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
		if (!BCRYPT_SUCCESS(BCryptGenRandom(NULL, data, n, BCRYPT_USE_SYSTEM_PREFERRED_RNG)))
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}
