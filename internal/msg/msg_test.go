package msg

import "testing"

func TestNewRendersEnglish(t *testing.T) {
	city := Named("city.", "Addis Ababa")
	if city.Code != "city.addis_ababa" || city.English != "Addis Ababa" {
		t.Errorf("named %+v", city)
	}
	m := New("item.posts", "Secretariat posts, {{.Grade}} in {{.City}}", "Grade", "P-4", "City", city)
	if m.English != "Secretariat posts, P-4 in Addis Ababa" || m.String() != m.English {
		t.Errorf("English %q", m.English)
	}
	if len(m.Args) != 2 || m.Args[1].Value.(Message).Code != "city.addis_ababa" {
		t.Errorf("args %+v", m.Args)
	}
	if got := New("x", "no values").English; got != "no values" {
		t.Errorf("plain %q", got)
	}
}
