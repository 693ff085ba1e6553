#!/usr/bin/env node
// Parse a GEXF file with graphology-gexf (the parser Gephi Lite uses) and
// print {"nodes": N, "edges": M, "type": ..., "multi": ...} as JSON.
// With --full, also print every node's and edge's attributes so a test can
// check that names survived the trip.
'use strict';
const fs = require('fs');
const Graph = require('graphology');
const gexf = require('graphology-gexf');

const args = process.argv.slice(2);
const full = args.includes('--full');
const path = args.find((a) => a !== '--full');
if (!path) {
  process.stderr.write('usage: gexf_counts.js FILE.gexf [--full]\n');
  process.exit(2);
}
const graph = gexf.parse(Graph, fs.readFileSync(path, 'utf8'));
const out = {nodes: graph.order, edges: graph.size, type: graph.type, multi: graph.multi};
if (full) {
  out.node_list = graph.mapNodes((id, attrs) => ({id, attributes: attrs}));
  out.edge_list = graph.mapEdges((id, attrs, source, target) => ({id, source, target, attributes: attrs}));
}
process.stdout.write(JSON.stringify(out) + '\n');
