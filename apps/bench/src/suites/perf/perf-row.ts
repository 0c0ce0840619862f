import type { PeerOutcome } from '../../peers/python-peer.js';
import { formatMs, median } from '../../report/markdown.js';

/** One line of the perf table: our median time beside the peer's. */
export interface PerfRow {
  readonly workload: string;
  readonly oursMs: number;
  readonly peer: PeerOutcome;
  /** How the outputs were checked to agree, e.g. "labels 100%, inertia Δ 2e-12". */
  readonly agreement: string;
}

export function peerMedian(peer: PeerOutcome): number | null {
  return peer.available ? median(peer.times_ms) : null;
}

export function perfTableRow(row: PerfRow): string[] {
  const peerMs = peerMedian(row.peer);
  const peerCell = row.peer.available ? `${formatMs(peerMs ?? 0)} (${row.peer.peer})` : `n/a — ${row.peer.reason}`;
  const ratio = peerMs === null ? 'n/a' : `${(row.oursMs / peerMs).toFixed(2)}×`;
  return [row.workload, formatMs(row.oursMs), peerCell, ratio, row.agreement];
}
