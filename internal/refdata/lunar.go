package refdata

import (
	"math"
	"time"
)

// Bangkok's Buddhist holy days follow the Thai lunar calendar: Makha,
// Visakha and Asahna Bucha fall on full-moon days, Khao Phansa on the day
// after Asahna Bucha. The official Thai calendar is arithmetic; Mechplan
// reconstructs it from the astronomical full moon: the Thai full-moon day is
// the Bangkok date 15 hours before it (calibrated on 2021-2026 against the
// Thai dates in the date-holidays fixture; docs/data-sources.md lists the
// differences that remain).

// fullMoonJDE returns the Julian Ephemeris Day of full moon number k
// (k = 0 is the first full moon after 6 January 2000), by Meeus,
// Astronomical Algorithms, 2nd ed., ch. 49, without the planetary terms
// (each under a minute).
func fullMoonJDE(k float64) float64 {
	k += 0.5
	t := k / 1236.85
	rad := math.Pi / 180
	jde := 2451550.09766 + 29.530588861*k + 0.00015437*t*t - 0.000000150*t*t*t + 0.00000000073*t*t*t*t
	e := 1 - 0.002516*t - 0.0000074*t*t
	m := (2.5534 + 29.10535670*k - 0.0000014*t*t - 0.00000011*t*t*t) * rad
	mp := (201.5643 + 385.81693528*k + 0.0107582*t*t + 0.00001238*t*t*t - 0.000000058*t*t*t*t) * rad
	f := (160.7108 + 390.67050284*k - 0.0016118*t*t - 0.00000227*t*t*t + 0.000000011*t*t*t*t) * rad
	om := (124.7746 - 1.56375588*k + 0.0020672*t*t + 0.00000215*t*t*t) * rad
	jde += -0.40614*math.Sin(mp) + 0.17302*e*math.Sin(m) + 0.01614*math.Sin(2*mp) +
		0.01043*math.Sin(2*f) + 0.00734*e*math.Sin(mp-m) - 0.00514*e*math.Sin(mp+m) +
		0.00209*e*e*math.Sin(2*m) - 0.00111*math.Sin(mp-2*f) - 0.00057*math.Sin(mp+2*f) +
		0.00056*e*math.Sin(2*mp+m) - 0.00042*math.Sin(3*mp) + 0.00042*e*math.Sin(m+2*f) +
		0.00038*e*math.Sin(m-2*f) - 0.00024*e*math.Sin(2*mp-m) - 0.00017*math.Sin(om)
	return jde
}

// jdToTime converts a Julian Day to UTC (TT and UTC differ by about a
// minute in these years; ignored).
func jdToTime(jd float64) time.Time {
	unix := (jd - 2440587.5) * 86400
	return time.Unix(int64(math.Round(unix)), 0).UTC()
}

var bangkok = time.FixedZone("ICT", 7*3600)

// thaiLead is how long before the astronomical full moon the Thai
// full-moon day is taken to begin, Bangkok time.
const thaiLead = 15 * time.Hour

// thaiFullMoonDay is the Thai calendar's full-moon day for full moon k.
func thaiFullMoonDay(k float64) time.Time {
	t := jdToTime(fullMoonJDE(k)).Add(-thaiLead).In(bangkok)
	return date(t.Year(), t.Month(), t.Day())
}

// asahnaK returns the number of the full moon that is Asahna Bucha in
// year y: the first Thai full-moon day on or after 5 July. Earlier, the
// year has its leap month (athikamat) still to come, and Asahna falls a
// lunation later, in late July or early August (2023: 31 July, 2026: 29 July).
func asahnaK(y int) float64 {
	// Full moon number near 1 June of the year, then step forward.
	k := math.Floor((float64(y) + 5.0/12 - 2000) * 12.3685)
	for {
		d := thaiFullMoonDay(k)
		if d.Year() > y || (d.Year() == y && (d.Month() > time.July || d.Month() == time.July && d.Day() >= 5)) {
			return k
		}
		k++
	}
}

// ThaiHolyDay returns the date of a Thai lunar holy day (makha_bucha,
// visakha_bucha, asahna_bucha, khao_phansa) in year y, before any weekend
// rule. Visakha Bucha is two lunations before Asahna Bucha and Makha Bucha
// five, in common and leap years alike (the leap month shifts all three).
func ThaiHolyDay(event string, y int) time.Time {
	k := asahnaK(y)
	switch event {
	case thaiMakhaBucha:
		return thaiFullMoonDay(k - 5)
	case thaiVisakhaBucha:
		return thaiFullMoonDay(k - 2)
	case thaiKhaoPhansa:
		return thaiFullMoonDay(k).AddDate(0, 0, 1)
	}
	return thaiFullMoonDay(k)
}
