package ucwa

import "testing"

func TestResourceType(t *testing.T) {
	inv, err := DecodeResource([]byte(`{"rel":"messagingInvitation","_embedded":{"acceptedByParticipant":`+
		`{"rel":"participant","name":"Joe"},"from":{"name":"x"},"odd":{"rel":1}}}`), JSON)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ rel, typ string }{
		{"acceptedByParticipant", "participant"},
		{"from", "from"},
		{"odd", "odd"},
	} {
		e := inv.Embed(tc.rel)
		if e == nil || e.Rel != tc.rel || e.Type() != tc.typ {
			t.Errorf("embedded %s: %+v, Type %q, want %q", tc.rel, e, e.Type(), tc.typ)
		}
	}
	if inv.Type() != "messagingInvitation" {
		t.Errorf("Type %q", inv.Type())
	}
	x, _ := DecodeResource([]byte(`<resource rel="acceptedByParticipant" xmlns="`+Namespace+`"/>`), XML)
	if x.Type() != "acceptedByParticipant" {
		t.Errorf("XML Type %q", x.Type())
	}
}
