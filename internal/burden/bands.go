// Package burden computes the time-zone burden a calendar puts on each
// delegation's capital-based experts: the local clock at the capital during
// every counted meeting, classified into night and unsociable bands and
// weighted into a score; the travel burden of in-person sessions; and an
// optimiser that chooses start times (and venue orders) so that the night
// is shared fairly.
package burden

import (
	"fmt"
	"strings"
	"sync"

	"mechplan/internal/model"
)

const minutesPerDay = 24 * 60

// Band is a stretch of the local clock, in minutes after midnight. It
// wraps midnight when To is not after From (22:00–06:00 is From 1320, To
// 360; 20:00–24:00 is From 1200, To 0).
type Band struct {
	Name     string // model.BandNight or model.BandUnsociable
	From, To int
	// Weight is the burden of one hour in the band.
	Weight float64
}

// Night reports whether the band is a night band.
func (b Band) Night() bool { return b.Name == model.BandNight }

// Contains reports whether the minute of the local day lies in the band.
func (b Band) Contains(minute int) bool {
	if b.From < b.To {
		return minute >= b.From && minute < b.To
	}
	return minute >= b.From || minute < b.To
}

// String writes the band as the users read it: "night 00:00–06:00 ×3".
func (b Band) String() string {
	return fmt.Sprintf("%s %s–%s ×%g", b.Name, Clock(b.From), Clock(b.To), b.Weight)
}

// Clock writes minutes after midnight as HH:MM.
func Clock(m int) string {
	m = ((m % minutesPerDay) + minutesPerDay) % minutesPerDay
	return fmt.Sprintf("%02d:%02d", m/60, m%60)
}

// Default weights: an hour of night counts three times an hour of early
// morning or late evening, which a delegation can still staff at a cost.
const (
	DefaultNightWeight      = 3
	DefaultUnsociableWeight = 1
)

// DefaultBands are the product's bands: night 00:00–06:00, unsociable
// 06:00–08:00 and 20:00–24:00, working hours otherwise.
func DefaultBands() []Band {
	return []Band{
		{Name: model.BandNight, From: 0, To: 360, Weight: DefaultNightWeight},
		{Name: model.BandUnsociable, From: 360, To: 480, Weight: DefaultUnsociableWeight},
		{Name: model.BandUnsociable, From: 1200, To: 0, Weight: DefaultUnsociableWeight},
	}
}

// Span is a stretch of the local clock without a name, such as the
// command line's --night 22:00-06:00.
type Span struct{ From, To int }

// ParseSpan reads "HH:MM-HH:MM" (an en dash is accepted too).
func ParseSpan(s string) (Span, error) {
	a, b, ok := strings.Cut(strings.ReplaceAll(s, "–", "-"), "-")
	if !ok {
		return Span{}, fmt.Errorf("%q: want HH:MM-HH:MM, e.g. 00:00-06:00 or 22:00-06:00", s)
	}
	from, err := model.ParseClock(strings.TrimSpace(a))
	if err != nil {
		return Span{}, err
	}
	to, err := model.ParseClock(strings.TrimSpace(b))
	if err != nil {
		return Span{}, err
	}
	if from == to {
		return Span{}, fmt.Errorf("%q: the two times must differ", s)
	}
	return Span{from, to}, nil
}

// Settings are the user's burden settings (plan.Options carries them).
// The zero value means the product's defaults.
type Settings struct {
	// Bands replaces DefaultBands; a scenario's burden_bands replace both.
	Bands []Band
	// Night, when set, replaces every night band after the scenario's
	// bands apply: it is the command line's --night, asked for explicitly.
	Night *Span
	// Hours, when set, is the stretch of the venue's day (minutes after
	// midnight, From before To; To may be 1440) the optimiser may propose
	// meetings in, replacing the venues' service windows and a scenario's
	// meeting_window: the command line's --hours, or the user's setting.
	Hours *Span
	// AllMeetings counts every meeting (capital backstopping of in-person
	// sessions too), not only those open to remote participation.
	AllMeetings bool
	// TravelToHybrid: the capital-based experts fly to hybrid meetings and
	// attend them in the room (the command line's --travel-to-hybrid, as
	// cost.Options.TravelToHybrid). Without it the scenario's
	// delegation.travel_to_hybrid decides (Resolve); the report says which
	// way it went (Report.TravelToHybrid).
	TravelToHybrid bool
}

// BandsFor resolves the bands used for a scenario: the settings' (or the
// defaults), replaced by the scenario's own, then the night override.
func (set Settings) BandsFor(s *model.Scenario) ([]Band, error) {
	bands := DefaultBands()
	if len(set.Bands) > 0 {
		bands = append([]Band(nil), set.Bands...)
	}
	if s != nil && len(s.BurdenBands) > 0 {
		var err error
		if bands, err = FromModel(s.BurdenBands); err != nil {
			return nil, err
		}
	}
	for _, b := range bands {
		if b.Name != model.BandNight && b.Name != model.BandUnsociable {
			return nil, fmt.Errorf("band %q: use %s or %s", b.Name, model.BandNight, model.BandUnsociable)
		}
		if b.From < 0 || b.From >= minutesPerDay || b.To < 0 || b.To >= minutesPerDay || b.From == b.To {
			return nil, fmt.Errorf("band %s: times must lie in 00:00–23:59 and differ", b)
		}
		if b.Weight < 0 || b.Weight != b.Weight {
			return nil, fmt.Errorf("band %s: the weight must not be negative", b)
		}
	}
	if set.Night != nil {
		weight := float64(DefaultNightWeight)
		kept := bands[:0:0]
		for _, b := range bands {
			if b.Night() {
				weight = b.Weight
				continue
			}
			kept = append(kept, b)
		}
		bands = append([]Band{{Name: model.BandNight, From: set.Night.From, To: set.Night.To, Weight: weight}}, kept...)
	}
	return bands, nil
}

// FromModel converts a scenario's burden_bands (already validated).
func FromModel(in []model.Band) ([]Band, error) {
	out := make([]Band, len(in))
	for i, b := range in {
		from, err := model.ParseClock(b.From)
		if err != nil {
			return nil, fmt.Errorf("burden_bands[%d].from: %v", i, err)
		}
		to, err := model.ParseClock(b.To)
		if err != nil {
			return nil, fmt.Errorf("burden_bands[%d].to: %v", i, err)
		}
		out[i] = Band{Name: b.Name, From: from, To: to, Weight: b.Weight}
	}
	return out, nil
}

// NightSpan returns the first night band as a span, for reports that
// print "night": ["00:00","06:00"].
func NightSpan(bands []Band) (Span, bool) {
	for _, b := range bands {
		if b.Night() {
			return Span{b.From, b.To}, true
		}
	}
	return Span{}, false
}

// profile is a set of bands compiled for arithmetic: every minute of the
// local day belongs to at most one band (night wins over unsociable, then
// the first band listed), and prefix[b][t] counts the minutes of band b in
// [00:00, t). The minutes of band b in any local interval [x, y) are then
// F(y) − F(x), with no loop over minutes.
type profile struct {
	bands  []Band
	prefix [][minutesPerDay + 1]int32
	night  []bool // per band
}

// owner returns the band index owning a minute of the day, or -1 for
// working time: night bands first, then unsociable, each in list order.
func owner(bands []Band, minute int) int {
	for pass := 0; pass < 2; pass++ {
		for i, b := range bands {
			if b.Night() == (pass == 0) && b.Contains(minute) {
				return i
			}
		}
	}
	return -1
}

// profiles keeps compiled band sets: the settings change rarely, and
// compiling walks the 1,440 minutes of the day.
var profiles struct {
	sync.Mutex
	m map[string]*profile
}

// compiled returns the profile of the bands, compiling it on first use.
func compiled(bands []Band) *profile {
	key := fmt.Sprint(bands)
	profiles.Lock()
	defer profiles.Unlock()
	if p, ok := profiles.m[key]; ok {
		return p
	}
	p := compile(bands)
	if profiles.m == nil || len(profiles.m) >= 64 {
		profiles.m = map[string]*profile{}
	}
	profiles.m[key] = p
	return p
}

func compile(bands []Band) *profile {
	p := &profile{bands: bands, prefix: make([][minutesPerDay + 1]int32, len(bands)), night: make([]bool, len(bands))}
	for i, b := range bands {
		p.night[i] = b.Night()
	}
	for t := 0; t < minutesPerDay; t++ {
		o := owner(bands, t)
		for i := range bands {
			p.prefix[i][t+1] = p.prefix[i][t]
			if i == o {
				p.prefix[i][t+1]++
			}
		}
	}
	return p
}

// upTo counts band b's minutes from local minute 0 (any epoch) to t.
func (p *profile) upTo(b int, t int64) int64 {
	d, r := t/minutesPerDay, t%minutesPerDay
	if r < 0 {
		d, r = d-1, r+minutesPerDay
	}
	return d*int64(p.prefix[b][minutesPerDay]) + int64(p.prefix[b][r])
}

// score is the weighted hours of per-band minutes. Reference and fast
// paths both call it on integer minutes, so their scores agree exactly.
func score(bands []Band, minutes []int64) float64 {
	s := 0.0
	for i, b := range bands {
		s += float64(minutes[i]) * b.Weight
	}
	return s / 60
}
