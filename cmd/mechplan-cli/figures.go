package main

import (
	"strconv"
	"strings"
	"time"

	"mechplan/internal/export/labels"
	"mechplan/internal/i18n/locale"
)

// The figures of the tables in the command line's language, written as
// the window writes them (locale.Format: 1 234 567 and 2,5 in French,
// 1.234.567 in Spanish). English keeps the command line's own forms,
// which scripts and the golden files read: whole counts without
// separators, dollars with commas, a hyphen-minus.

// format is the command line's language's way of writing figures.
func (c *cli) format() locale.Format { return locale.For(c.lang) }

func (c *cli) english() bool { return c.lang == locale.English || c.lang == "" }

// usd writes whole dollars (or tonnes) with the thousands grouped.
func (c *cli) usd(v float64) string {
	if c.english() {
		return usd(v)
	}
	return c.format().Number(v, 0)
}

// count writes a whole count.
func (c *cli) count(n int) string {
	if c.english() {
		return strconv.Itoa(n)
	}
	return c.format().Number(float64(n), 0)
}

// decimal writes v with the digits English's shortest form gives it
// (2.5, 12), in the language's form.
func (c *cli) decimal(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if c.english() {
		return s
	}
	_, frac, _ := strings.Cut(s, ".")
	return c.format().Number(v, len(frac))
}

// fixed writes v with decimals digits, as %.Nf does in English.
func (c *cli) fixed(v float64, decimals int) string {
	if c.english() {
		return strconv.FormatFloat(v, 'f', decimals, 64)
	}
	return c.format().Number(v, decimals)
}

// signed writes a change with its sign, as %+.Nf does in English.
func (c *cli) signed(v float64, decimals int) string {
	if c.english() {
		s := strconv.FormatFloat(v, 'f', decimals, 64)
		if !strings.HasPrefix(s, "-") {
			s = "+" + s
		}
		return s
	}
	return c.format().Signed(v, decimals)
}

// percent writes a share in per cent, as "%.0f%%" does in English.
func (c *cli) percent(v float64, decimals int) string {
	if c.english() {
		return strconv.FormatFloat(v, 'f', decimals, 64) + "%"
	}
	return c.format().Percent(v, decimals)
}

// signedPercent writes a change in per cent with its sign, as "%+.1f%%"
// does in English.
func (c *cli) signedPercent(v float64, decimals int) string {
	if c.english() {
		return c.signed(v, decimals) + "%"
	}
	s := c.format().Percent(v, decimals)
	if v > 0 && c.format().Number(v, decimals) != c.format().Number(0, decimals) {
		s = "+" + s
	}
	return s
}

// date writes a civil date of a table (YYYY-MM-DD) as the language's
// short date ("1 mars 2027"); English keeps the ISO form scripts read, and
// so does a text that is not a date.
func (c *cli) date(iso string) string {
	if c.english() {
		return iso
	}
	t, err := time.Parse("2006-01-02", iso)
	if err != nil {
		return iso
	}
	return c.format().ShortDate(t)
}

// weekday is a day's abbreviation: Mon, lun., пн, 周一.
func (c *cli) weekday(d time.Weekday) string {
	if c.english() {
		return d.String()[:3]
	}
	return c.format().ShortWeekday(d)
}

// label is a name the engine gives in English (an object of expenditure,
// a kind of conflict) in the command line's language, by the key the
// window and the exports know it by.
func (c *cli) label(prefix, english string) string {
	return c.say(prefix+labels.KeyOf(english), english)
}
