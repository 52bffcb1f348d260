package msg

import (
	"errors"
	"fmt"
	"testing"
)

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

func TestErrorCarriesMessage(t *testing.T) {
	m := New("problem.required", "is required")
	err := fmt.Errorf("wrapped: %w", m.Err())
	got, ok := Of(err)
	if !ok || got.Code != "problem.required" || m.Err().Error() != "is required" {
		t.Errorf("Of(%v) = %+v, %v", err, got, ok)
	}
	if _, ok := Of(errors.New("plain")); ok {
		t.Error("a plain error carries a message")
	}
}
