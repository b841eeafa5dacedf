package mapping

import (
	"reflect"
	"strings"
	"testing"
)

// deals is a current-stage mapping like the loader decides for a HubSpot
// deals export.
func deals() *Mapping {
	return &Mapping{Shape: ShapeCurrentStage, ID: "Record ID", Created: "Create Date", StageColumn: "Deal Stage",
		Stages: []StageMap{{Name: "Identified"}, {Name: "On hold"}, {Name: "Proposal"}, {Name: "Won", Values: []string{"Closed: won"}}},
		Won:    []string{"Closed: won"}, Lost: []string{"Closed: lost"}, CloseDate: "Close Date", Amount: "Amount",
		Owner: "Deal owner", Dims: []string{"Pipeline"}}
}

func TestRoleOf(t *testing.T) {
	m := deals()
	m.Stages[2].Date = "proposal_date"
	for col, want := range map[string]Role{"record id": RoleID, "Deal Stage": RoleCurrentStage, "Amount": RoleAmount,
		"Deal owner": RoleOwner, "Pipeline": RoleDimension, "Deal Name": RoleIgnore, "Close Date": RoleCloseDate,
		"Create Date": RoleEntryDate, "proposal_date": RoleStageDate} {
		if got, _ := m.RoleOf(col); got != want {
			t.Errorf("%s: %s, want %s", col, got, want)
		}
	}
	if _, k := m.RoleOf("proposal_date"); k != 2 {
		t.Errorf("proposal_date dates stage %d", k)
	}
	for _, r := range Offered() {
		if r != RoleStageDate && r != RoleDimension && r != RoleIgnore && m.single(r) == nil {
			t.Errorf("offered role %q has no field", r)
		}
	}
}

// A one-column role moves: the column that had it is no longer used.
func TestSetRoleMovesAOneColumnRole(t *testing.T) {
	m := deals()
	old, err := m.SetRole("Expected Revenue", RoleAmount, nil)
	if err != nil || old != "Amount" || m.Amount != "Expected Revenue" {
		t.Fatalf("old %q err %v amount %q", old, err, m.Amount)
	}
	if r, _ := m.RoleOf("Amount"); r != RoleIgnore {
		t.Errorf("the old amount is %s", r)
	}
	// a column has one role: the owner made the channel is no longer the owner
	if _, err := m.SetRole("Deal owner", RoleChannel, nil); err != nil || m.Owner != "" || m.Channel != "Deal owner" {
		t.Errorf("owner %q channel %q", m.Owner, m.Channel)
	}
	if _, err := m.SetRole("Deal Name", RoleDimension, nil); err != nil || !reflect.DeepEqual(m.Dims, []string{"Pipeline", "Deal Name"}) {
		t.Errorf("dims %v", m.Dims)
	}
	if _, err := m.SetRole("Pipeline", RoleIgnore, nil); err != nil || !reflect.DeepEqual(m.Dims, []string{"Deal Name"}) {
		t.Errorf("dims %v", m.Dims)
	}
	if err := m.Check(); err != nil {
		t.Error(err)
	}
}

// A new stage column reads its values as the stages, keeping the stages
// it shares with the old list and leaving the outcome values out.
func TestSetRoleNewStageColumn(t *testing.T) {
	m := deals()
	if _, err := m.SetRole("Pipeline Stage", RoleCurrentStage, []string{"Proposal", "Closed: won", "Demo", "Closed: lost"}); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range m.Stages {
		names = append(names, s.Name)
	}
	if m.StageColumn != "Pipeline Stage" || !reflect.DeepEqual(names, []string{"Proposal", "Won", "Demo"}) {
		t.Errorf("stage column %q, stages %v", m.StageColumn, names)
	}
	if r, _ := m.RoleOf("Deal Stage"); r != RoleIgnore {
		t.Errorf("the old stage column is %s", r)
	}
}

// Taking the stage column away leaves the dated stages; with none, the
// mapping says what is missing.
func TestDropStageColumn(t *testing.T) {
	m := deals()
	m.Stages[2].Date = "proposal_date"
	if _, err := m.SetRole("Deal Stage", RoleDimension, nil); err != nil {
		t.Fatal(err)
	}
	if m.Shape != ShapeStageDates || len(m.Stages) != 2 || m.Stages[0].Name != "Identified" || m.Stages[1].Date != "proposal_date" {
		t.Fatalf("shape %s stages %+v", m.Shape, m.Stages)
	}
	if err := m.Check(); err != nil {
		t.Error(err)
	}
	m = deals()
	m.Created = ""
	m.SetRole("Deal Stage", RoleIgnore, nil)
	if err := m.Check(); err == nil || !strings.Contains(err.Error(), "stage_column") {
		t.Errorf("check: %v", err)
	}
}

func TestSetStageDate(t *testing.T) {
	m := &Mapping{Shape: ShapeStageDates, Created: "created", Stages: []StageMap{{Name: "Lead"}, {Name: "MQL", Date: "mql_date"}}}
	if old := m.SetStageDate("sql_date", -1, false); old != "" || len(m.Stages) != 3 || m.Stages[2].Name != "sql" || m.Stages[2].Date != "sql_date" {
		t.Fatalf("old %q stages %+v", old, m.Stages)
	}
	if old := m.SetStageDate("mql_at", 1, false); old != "mql_date" || m.Stages[1].Date != "mql_at" {
		t.Fatalf("old %q stages %+v", old, m.Stages)
	}
	// taking a stage's date away drops the stage
	m.SetRole("sql_date", RoleIgnore, nil)
	if len(m.Stages) != 2 {
		t.Errorf("stages %+v", m.Stages)
	}
	// moving a date column to a later stage drops the stage it dated
	m = &Mapping{Shape: ShapeStageDates, Created: "c", Stages: []StageMap{{Name: "Lead"}, {Name: "MQL", Date: "x"}, {Name: "SQL", Date: "sql"}, {Name: "Won", Date: "won"}}}
	if old := m.SetStageDate("x", 2, false); old != "sql" || len(m.Stages) != 3 || m.Stages[1].Name != "SQL" || m.Stages[1].Date != "x" {
		t.Errorf("old %q stages %+v", old, m.Stages)
	}
	// a new dated stage goes before the won stage
	d := deals()
	d.SetStageDate("Demo Date", -1, false)
	if d.Stages[3].Name != "Demo" || d.Stages[4].Name != "Won" || d.Stages[3].Date != "Demo Date" {
		t.Errorf("stages %+v", d.Stages)
	}
	for in, want := range map[string]string{"mql_date": "mql", "Demo Booked At": "Demo Booked", "IsConverted": "Converted", "is_won": "won", "date": "date"} {
		if got := StageName(in); got != want {
			t.Errorf("StageName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMarkValues(t *testing.T) {
	m := deals()
	if err := m.Mark("On hold", KindNotStage); err != nil {
		t.Fatal(err)
	}
	if k, _ := m.ValueOf("on hold"); k != KindNotStage || len(m.Stages) != 3 {
		t.Fatalf("on hold is %s; stages %+v", k, m.Stages)
	}
	// back as a stage: before the won stage
	if err := m.Mark("On hold", KindStage); err != nil {
		t.Fatal(err)
	}
	if k, at := m.ValueOf("On hold"); k != KindStage || at != 2 || m.Stages[2].Name != "On hold" || m.Stages[2].Values != nil || len(m.NotStages) != 0 {
		t.Fatalf("on hold is %s at %d; stages %+v", k, at, m.Stages)
	}
	if err := m.Mark("Proposal", KindLost); err != nil || !reflect.DeepEqual(m.Lost, []string{"Closed: lost", "Proposal"}) {
		t.Fatalf("%v lost %v", err, m.Lost)
	}
	if err := m.Mark("Closed: lost", KindStage); err != nil {
		t.Fatal(err)
	}
	if k, at := m.ValueOf("Closed: lost"); k != KindStage || at != len(m.Stages)-2 {
		t.Errorf("closed lost is %s at %d", k, at)
	}
	if err := m.Check(); err != nil {
		t.Error(err)
	}
	one := &Mapping{Shape: ShapeCurrentStage, StageColumn: "s", Stages: []StageMap{{Name: "A"}}}
	if err := one.Mark("A", KindLost); err == nil {
		t.Error("the last stage was dropped")
	}
}

func TestMoveStage(t *testing.T) {
	m := deals()
	if err := m.MoveStage(1, 1); err != nil || m.Stages[1].Name != "Proposal" || m.Stages[2].Name != "On hold" {
		t.Fatalf("%v %+v", err, m.Stages)
	}
	if err := m.MoveStage(2, 1); err == nil {
		t.Error("a stage moved below the won stage")
	}
	if err := m.MoveStage(0, -1); err == nil {
		t.Error("the first stage moved up")
	}
	if w := m.WonStage(); w != 3 {
		t.Errorf("won stage %d", w)
	}
}

func TestCloneSharesNothing(t *testing.T) {
	m := deals()
	c := m.Clone()
	if !reflect.DeepEqual(m, c) {
		t.Fatal("clone differs")
	}
	c.Stages[3].Values[0] = "x"
	c.Won[0] = "x"
	c.Mark("On hold", KindLost)
	if m.Stages[3].Values[0] != "Closed: won" || m.Won[0] != "Closed: won" || len(m.Stages) != 4 {
		t.Errorf("the clone shares with the original: %+v", m)
	}
	var nilLists Mapping
	if c := nilLists.Clone(); c.Won != nil || c.Stages != nil {
		t.Error("nil lists became empty ones")
	}
}
