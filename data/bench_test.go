package data

import (
	"bytes"
	"testing"
	"testing/fstest"
)

// BenchmarkLoad reads and validates a generated 20,000-organization
// dataset (every file: organizations, forums, participation, meetings,
// attendance and two waves of ties) from memory.
func BenchmarkLoad(b *testing.B) {
	d, err := Generate(GenerateOptions{Orgs: 20000, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	fsys := fstest.MapFS{}
	size := 0
	for _, name := range FilesOf(d) {
		var buf bytes.Buffer
		if err := WriteFile(&buf, name, d); err != nil {
			b.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: buf.Bytes()}
		size += buf.Len()
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		if _, err := Load(fsys); err != nil {
			b.Fatal(err)
		}
	}
}
