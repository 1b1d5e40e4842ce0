#!/bin/sh
# Reads the export files in this folder back with the reference readers and
# stores what they saw (see readback.py). Run after `go test -run
# TestExportFiles -update` when the writers change, then check the diff.
set -e
cd "$(dirname "$0")"
python3 readback.py networkx > readback-networkx.txt
/usr/bin/python3 readback.py gexf > readback-networkx2.txt
/usr/bin/python3 readback.py igraph > readback-igraph.txt
