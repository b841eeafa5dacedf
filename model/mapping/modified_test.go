package mapping

import "testing"

// The last-modified role is one column's: set, moved and cleared as the
// other one-column roles are.
func TestModifiedRole(t *testing.T) {
	m := deals()
	if r, _ := m.RoleOf("Last Modified Date"); r != RoleIgnore {
		t.Fatalf("unmapped column is %s", r)
	}
	if old, err := m.SetRole("Last Modified Date", RoleModified, nil); err != nil || old != "" || m.Modified != "Last Modified Date" {
		t.Fatalf("old %q err %v modified %q", old, err, m.Modified)
	}
	if r, _ := m.RoleOf("last modified date"); r != RoleModified || m.Holder(RoleModified) != "Last Modified Date" {
		t.Errorf("role %s holder %q", r, m.Holder(RoleModified))
	}
	if old, _ := m.SetRole("SystemModstamp", RoleModified, nil); old != "Last Modified Date" || m.Modified != "SystemModstamp" {
		t.Errorf("old %q modified %q", old, m.Modified)
	}
	if _, err := m.SetRole("SystemModstamp", RoleIgnore, nil); err != nil || m.Modified != "" {
		t.Errorf("cleared: %q %v", m.Modified, err)
	}
	if err := m.Check(); err != nil {
		t.Error(err)
	}
}
