package locale

import (
	"fmt"
	"math"
	"strings"
	"time"
)

// Format writes numbers, money and dates the way a language writes them:
// 1,234.5 in English, 1 234,5 in French (a no-break space groups the
// thousands, so a figure never breaks across lines), 1.234,5 in Spanish.
// It is a value, so a test or an export can format in a language other
// than the one on screen.
type Format struct{ Lang Language }

// For returns the formats of a language; an unknown one formats in English.
func For(l Language) Format {
	if !l.Known() {
		l = English
	}
	return Format{Lang: l}
}

// separators returns the thousands and decimal marks.
func (f Format) separators() (group, decimal string) {
	switch f.Lang {
	case French, Russian:
		return "\u00a0", ","
	case Spanish:
		return ".", ","
	case Arabic:
		// The UN's Arabic documents write Western digits with a comma
		// for thousands and a point for decimals, as English does.
		return ",", "."
	}
	return ",", "."
}

// minus is the sign of a negative figure: the typographic minus, as the
// engine's reports print it.
const minus = "−"

// Number writes a figure rounded to decimals, with thousands grouped; a
// figure that rounds to zero has no sign.
func (f Format) Number(v float64, decimals int) string {
	decimals = max(decimals, 0)
	s := fmt.Sprintf("%.*f", decimals, math.Abs(v))
	intPart, frac, _ := strings.Cut(s, ".")
	group, dec := f.separators()
	var b strings.Builder
	if v < 0 && strings.Trim(s, "0.") != "" {
		b.WriteString(minus)
	}
	for i, ch := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(group)
		}
		b.WriteRune(ch)
	}
	if frac != "" {
		b.WriteString(dec)
		b.WriteString(frac)
	}
	return b.String()
}

// Signed writes a change with its sign: +3.5, −12, 0.
func (f Format) Signed(v float64, decimals int) string {
	s := f.Number(v, decimals)
	if v > 0 && s != f.Number(0, decimals) {
		return "+" + s
	}
	return s
}

// Compact writes a figure with at most decimals, dropping trailing zeros:
// 2.5, 3 (days in a session, weights).
func (f Format) Compact(v float64, decimals int) string {
	s := f.Number(v, decimals)
	_, dec := f.separators()
	if strings.Contains(s, dec) {
		s = strings.TrimSuffix(strings.TrimRight(s, "0"), dec)
	}
	return s
}

// Money writes US dollars in full: USD 1,234 / 1 234 USD / 1.234 USD /
// 1 234 долл. США / 1,234美元 / 1,234 دولار. The UN's documents in the
// other languages put the currency after the figure.
func (f Format) Money(v float64) string {
	n := f.Number(v, 0)
	switch f.Lang {
	case English:
		if strings.HasPrefix(n, minus) {
			return minus + "USD " + strings.TrimPrefix(n, minus)
		}
		return "USD " + n
	case Russian:
		return n + "\u00a0долл.\u00a0США"
	case Chinese:
		return n + "美元"
	case Arabic:
		return n + "\u00a0دولار"
	}
	return n + "\u00a0USD"
}

// MoneyShort writes US dollars for a chart label: USD 12.3 k, USD 4.56 M,
// USD 1.2 bn; 12,3 k USD, 4,56 M USD, 1,2 Md USD; 12,3 mil USD,
// 4,56 M USD, 1,2 mil M USD; 4,56 млн $; 456万美元.
func (f Format) MoneyShort(v float64) string {
	a := math.Abs(v)
	sign := ""
	if v < 0 && a >= 0.5 {
		sign = minus
	}
	if f.Lang == Chinese {
		// Chinese counts in ten thousands (万) and hundred millions (亿).
		n := f.Number(a, 0)
		switch {
		case a >= 1e8:
			n = f.Compact(a/1e8, 2) + "亿"
		case a >= 1e4:
			n = f.Compact(a/1e4, 1) + "万"
		}
		return sign + n + "美元"
	}
	var n, unit string
	switch {
	case a >= 1e9:
		n, unit = f.Compact(a/1e9, 2), map[Language]string{English: "bn", French: "Md", Spanish: "mil M", Russian: "млрд", Arabic: "مليار"}[f.Lang]
	case a >= 1e6:
		n, unit = f.Compact(a/1e6, 2), map[Language]string{English: "M", French: "M", Spanish: "M", Russian: "млн", Arabic: "مليون"}[f.Lang]
	case a >= 1e4:
		n, unit = f.Compact(a/1e3, 1), map[Language]string{English: "k", French: "k", Spanish: "mil", Russian: "тыс.", Arabic: "ألف"}[f.Lang]
	default:
		n = f.Number(a, 0)
	}
	if unit != "" {
		n += "\u00a0" + unit
	}
	switch f.Lang {
	case English:
		return sign + "USD\u00a0" + n
	case Russian:
		// Short for tables and charts, as Russian financial tables write
		// it; Money writes долл. США in full.
		return sign + n + "\u00a0$"
	case Arabic:
		return sign + n + "\u00a0دولار"
	}
	return sign + n + "\u00a0USD"
}

// Percent writes a share given in per cent: 45% / 45 % / 45 %.
func (f Format) Percent(v float64, decimals int) string {
	if f.Lang == English || f.Lang == Chinese || f.Lang == Arabic {
		return f.Number(v, decimals) + "%"
	}
	return f.Number(v, decimals) + "\u00a0%"
}

// Hours writes a duration in hours with one decimal: 1.5 h / 1,5 h /
// 1,5 ч / 1.5小时 / 1.5 ساعة.
func (f Format) Hours(h float64) string {
	switch f.Lang {
	case Russian:
		return f.Number(h, 1) + "\u00a0ч"
	case Chinese:
		return f.Number(h, 1) + "小时"
	case Arabic:
		return f.Number(h, 1) + "\u00a0ساعة"
	}
	return f.Number(h, 1) + "\u00a0h"
}

var (
	months = map[Language][12]string{
		English: {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
		French:  {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
		Spanish: {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
		Russian: {"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"},
		Chinese: {"1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"},
		Arabic:  {"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيه", "يوليه", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"},
	}
	// Russian writes a month after a day in the genitive: 1 марта.
	monthsOfDay = map[Language][12]string{
		Russian: {"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"},
	}
	shortMonthsOfDay = map[Language][12]string{
		Russian: {"янв.", "февр.", "мар.", "апр.", "мая", "июн.", "июл.", "авг.", "сент.", "окт.", "нояб.", "дек."},
	}
	shortMonths = map[Language][12]string{
		English: {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
		French:  {"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."},
		Spanish: {"ene.", "feb.", "mar.", "abr.", "may.", "jun.", "jul.", "ago.", "sept.", "oct.", "nov.", "dic."},
		Russian: {"янв.", "февр.", "март", "апр.", "май", "июнь", "июль", "авг.", "сент.", "окт.", "нояб.", "дек."},
		Chinese: {"1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"},
		Arabic:  {"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيه", "يوليه", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"},
	}
	weekdays = map[Language][7]string{
		English: {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
		French:  {"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"},
		Spanish: {"domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"},
		Russian: {"воскресенье", "понедельник", "вторник", "среда", "четверг", "пятница", "суббота"},
		Chinese: {"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"},
		Arabic:  {"الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"},
	}
	shortWeekdays = map[Language][7]string{
		English: {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"},
		French:  {"dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."},
		Spanish: {"dom.", "lun.", "mar.", "mié.", "jue.", "vie.", "sáb."},
		Russian: {"вс", "пн", "вт", "ср", "чт", "пт", "сб"},
		Chinese: {"周日", "周一", "周二", "周三", "周四", "周五", "周六"},
		Arabic:  {"الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"},
	}
)

// Month is a month's name as it stands in a sentence: "March", "mars",
// "marzo" (French and Spanish write months in lower case).
func (f Format) Month(m time.Month) string { return months[f.Lang][(m-1)%12] }

// MonthTitle is a month's name standing alone, as a heading or a choice
// in a list: "March", "Mars", "Marzo".
func (f Format) MonthTitle(m time.Month) string { return capitalize(f.Month(m)) }

// ShortMonth is a month's abbreviation: "Mar", "mars", "mar.".
func (f Format) ShortMonth(m time.Month) string { return shortMonths[f.Lang][(m-1)%12] }

// Weekday is a day's name: "Monday", "lundi", "lunes".
func (f Format) Weekday(d time.Weekday) string { return weekdays[f.Lang][d%7] }

// ShortWeekday is a day's abbreviation: "Mon", "lun.", "lun.".
func (f Format) ShortWeekday(d time.Weekday) string { return shortWeekdays[f.Lang][d%7] }

// Date writes a civil date in full, day first as UN documents do:
// "1 March 2027", "1er mars 2027", "1 de marzo de 2027".
func (f Format) Date(t time.Time) string {
	y, m, d := t.Date()
	switch f.Lang {
	case French:
		day := fmt.Sprint(d)
		if d == 1 {
			day = "1er"
		}
		return fmt.Sprintf("%s %s %d", day, f.Month(m), y)
	case Spanish:
		return fmt.Sprintf("%d de %s de %d", d, f.Month(m), y)
	case Russian:
		return fmt.Sprintf("%d %s %d\u00a0г.", d, monthsOfDay[Russian][m-1], y)
	case Chinese:
		return fmt.Sprintf("%d年%d月%d日", y, m, d)
	}
	return fmt.Sprintf("%d %s %d", d, f.Month(m), y)
}

// ShortDate writes a date for a table cell: "1 Mar 2027", "1 mars 2027",
// "1 mar. 2027".
func (f Format) ShortDate(t time.Time) string {
	y, m, d := t.Date()
	if f.Lang == Chinese {
		return fmt.Sprintf("%d年%d月%d日", y, m, d)
	}
	return fmt.Sprintf("%d %s %d", d, f.shortMonthOfDay(m), y)
}

// shortMonthOfDay is the abbreviation after a day: "1 мар." in Russian.
func (f Format) shortMonthOfDay(m time.Month) string {
	if names, ok := shortMonthsOfDay[f.Lang]; ok {
		return names[(m-1)%12]
	}
	return f.ShortMonth(m)
}

// DayMonth writes a day without its year: "1 Mar", "1 mars", "1 mar.".
func (f Format) DayMonth(t time.Time) string {
	_, m, d := t.Date()
	if f.Lang == Chinese {
		return fmt.Sprintf("%d月%d日", m, d)
	}
	return fmt.Sprintf("%d %s", d, f.shortMonthOfDay(m))
}

func capitalize(s string) string {
	for i := range s {
		if i > 0 {
			return strings.ToUpper(s[:i]) + s[i:]
		}
	}
	return strings.ToUpper(s)
}
