package i18n

import (
	"testing"
	"time"
)

func TestNumber(t *testing.T) {
	cases := []struct {
		lang     Language
		v        float64
		decimals int
		want     string
	}{
		{English, 1234.5, 1, "1,234.5"},
		{French, 1234.5, 1, "1\u00a0234,5"},
		{Spanish, 1234.5, 1, "1.234,5"},
		{English, 1234567, 0, "1,234,567"},
		{French, 1234567, 0, "1\u00a0234\u00a0567"},
		{Spanish, 1234567.891, 2, "1.234.567,89"},
		{English, -1234, 0, "−1,234"},
		{Spanish, -0.04, 1, "0,0"}, // rounds to zero: no sign
		{French, 999, 0, "999"},
		{English, 0.5, 0, "0"}, // Go rounds half to even
		{Language("de"), 1234.5, 1, "1,234.5"},
		{Russian, 1234567.891, 2, "1\u00a0234\u00a0567,89"},
		{Chinese, 1234567.891, 2, "1,234,567.89"},
		{Arabic, 1234.5, 1, "1,234.5"},
	}
	for _, c := range cases {
		if got := For(c.lang).Number(c.v, c.decimals); got != c.want {
			t.Errorf("%s Number(%v, %d) = %q, want %q", c.lang, c.v, c.decimals, got, c.want)
		}
	}
}

func TestSignedCompactPercentHours(t *testing.T) {
	fr, es, en := For(French), For(Spanish), For(English)
	checks := []struct{ got, want string }{
		{en.Signed(3.5, 1), "+3.5"},
		{fr.Signed(-12, 0), "−12"},
		{es.Signed(0.01, 0), "0"},
		{fr.Compact(2.5, 2), "2,5"},
		{es.Compact(3, 2), "3"},
		{en.Compact(1250.75, 1), "1,250.8"},
		{en.Percent(45, 0), "45%"},
		{fr.Percent(45.26, 1), "45,3\u00a0%"},
		{es.Hours(1.25), "1,2\u00a0h"},
		{en.Hours(10), "10.0\u00a0h"},
		{For(Russian).Hours(1.5), "1,5\u00a0ч"},
		{For(Chinese).Hours(1.5), "1.5小时"},
		{For(Russian).Percent(45, 0), "45\u00a0%"},
		{For(Chinese).Percent(45, 0), "45%"},
	}
	for i, c := range checks {
		if c.got != c.want {
			t.Errorf("check %d: got %q, want %q", i, c.got, c.want)
		}
	}
}

func TestMoney(t *testing.T) {
	cases := []struct {
		lang        Language
		v           float64
		full, short string
	}{
		{English, 1234567, "USD 1,234,567", "USD\u00a01.23\u00a0M"},
		{French, 1234567, "1\u00a0234\u00a0567\u00a0USD", "1,23\u00a0M\u00a0USD"},
		{Spanish, 1234567, "1.234.567\u00a0USD", "1,23\u00a0M\u00a0USD"},
		{English, 950, "USD 950", "USD\u00a0950"},
		{French, 12345, "12\u00a0345\u00a0USD", "12,3\u00a0k\u00a0USD"},
		{Spanish, 12345, "12.345\u00a0USD", "12,3\u00a0mil\u00a0USD"},
		{English, 2.5e9, "USD 2,500,000,000", "USD\u00a02.5\u00a0bn"},
		{French, 2.5e9, "2\u00a0500\u00a0000\u00a0000\u00a0USD", "2,5\u00a0Md\u00a0USD"},
		{Spanish, 2.5e9, "2.500.000.000\u00a0USD", "2,5\u00a0mil M\u00a0USD"},
		{English, -4000, "−USD 4,000", "−USD\u00a04,000"},
		{French, -4000, "−4\u00a0000\u00a0USD", "−4\u00a0000\u00a0USD"},
		{Russian, 6.46e6, "6\u00a0460\u00a0000\u00a0долл.\u00a0США", "6,46\u00a0млн\u00a0$"},
		{Russian, 12345, "12\u00a0345\u00a0долл.\u00a0США", "12,3\u00a0тыс.\u00a0$"},
		{Chinese, 6.46e6, "6,460,000美元", "646万美元"},
		{Chinese, 2.5e9, "2,500,000,000美元", "25亿美元"},
		{Chinese, 950, "950美元", "950美元"},
		{Arabic, 6.46e6, "6,460,000\u00a0دولار", "6.46\u00a0مليون\u00a0دولار"},
	}
	for _, c := range cases {
		f := For(c.lang)
		if got := f.Money(c.v); got != c.full {
			t.Errorf("%s Money(%v) = %q, want %q", c.lang, c.v, got, c.full)
		}
		if got := f.MoneyShort(c.v); got != c.short {
			t.Errorf("%s MoneyShort(%v) = %q, want %q", c.lang, c.v, got, c.short)
		}
	}
}

func TestDates(t *testing.T) {
	first := time.Date(2027, time.March, 1, 0, 0, 0, 0, time.UTC)
	later := time.Date(2027, time.February, 15, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		lang                   Language
		date                   time.Time
		full, short, dayMonth  string
		monthTitle, weekdayStr string
	}{
		{English, first, "1 March 2027", "1 Mar 2027", "1 Mar", "March", "Monday"},
		{French, first, "1er mars 2027", "1 mars 2027", "1 mars", "Mars", "lundi"},
		{Spanish, first, "1 de marzo de 2027", "1 mar. 2027", "1 mar.", "Marzo", "lunes"},
		{French, later, "15 février 2027", "15 févr. 2027", "15 févr.", "Février", "lundi"},
		{Spanish, later, "15 de febrero de 2027", "15 feb. 2027", "15 feb.", "Febrero", "lunes"},
		{Russian, first, "1 марта 2027\u00a0г.", "1 мар. 2027", "1 мар.", "Март", "понедельник"},
		{Russian, later, "15 февраля 2027\u00a0г.", "15 февр. 2027", "15 февр.", "Февраль", "понедельник"},
		{Chinese, first, "2027年3月1日", "2027年3月1日", "3月1日", "3月", "星期一"},
	}
	for _, c := range cases {
		f := For(c.lang)
		got := []string{f.Date(c.date), f.ShortDate(c.date), f.DayMonth(c.date), f.MonthTitle(c.date.Month()), f.Weekday(c.date.Weekday())}
		want := []string{c.full, c.short, c.dayMonth, c.monthTitle, c.weekdayStr}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%s %s: form %d = %q, want %q", c.lang, c.date.Format(time.DateOnly), i, got[i], want[i])
			}
		}
	}
	if got := For(French).ShortWeekday(time.Saturday); got != "sam." {
		t.Errorf("French Saturday short = %q", got)
	}
}
