// The throughput measurement's smoke run (scripts/measure-throughput.sh; the figures themselves
// are in docs/PERFORMANCE.md, never asserted here): a few hundred pre-signed transfers and QR
// payments flood the 4-validator local network, and every one submitted is included and
// finalised on every node.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { measureThroughput } from '../lib/throughput.js';

describe('the throughput measurement, small', () => {
  for (const kind of ['transfers', 'payments']) {
    test(`200 ${kind}: every one included and finalised on every node`, async () => {
      const report = await measureThroughput({ kind, senders: 20, each: 10, merchants: 3 });
      assert.equal(report.refused, 0, 'the pools accepted the flood');
      assert.equal(report.included, report.submitted);
      assert.equal(report.blocks.reduce((sum, block) => sum + block.count, 0), 200);
      assert.ok(report.finalisedOnEveryNode >= Math.max(...report.blocks.map((block) => block.number)));
    });
  }
});
