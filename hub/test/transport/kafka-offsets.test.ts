// Offset bookkeeping for out-of-order settles: only a position below which everything settled is
// ever committed, so a crash re-reads unsettled jobs instead of skipping them.
import { OffsetTracker } from '../../src/transport/kafka/offset-tracker';

describe('Kafka offset tracker', () => {
  it('commits only the contiguous settled prefix when settles arrive out of order', () => {
    const tracker = new OffsetTracker();
    const tickets = [10, 11, 12, 13].map((offset) => tracker.receive('jobs', 0, offset));
    expect(tracker.takeCommits()).toEqual([{ topic: 'jobs', partition: 0, offset: 10 }]);
    tracker.settle(tickets[2]!);
    tracker.settle(tickets[3]!);
    expect(tracker.takeCommits()).toEqual([]);
    expect(tracker.open()).toBe(4);
    tracker.settle(tickets[0]!);
    expect(tracker.takeCommits()).toEqual([{ topic: 'jobs', partition: 0, offset: 11 }]);
    tracker.settle(tickets[1]!);
    // Kafka's position is the next offset to read: one past the last settled.
    expect(tracker.takeCommits()).toEqual([{ topic: 'jobs', partition: 0, offset: 14 }]);
    expect(tracker.open()).toBe(0);
    expect(tracker.takeCommits()).toEqual([]);
  });

  it('keeps partitions apart and tolerates gaps in offsets (compaction, transaction markers)', () => {
    const tracker = new OffsetTracker();
    const a = tracker.receive('jobs', 0, 5);
    const b = tracker.receive('jobs', 1, 100);
    const c = tracker.receive('jobs', 0, 9);
    tracker.settle(c);
    tracker.settle(b);
    expect(tracker.takeCommits()).toEqual([
      { topic: 'jobs', partition: 0, offset: 5 },
      { topic: 'jobs', partition: 1, offset: 101 },
    ]);
    tracker.settle(a);
    expect(tracker.takeCommits([{ topic: 'jobs', partition: 0 }])).toEqual([{ topic: 'jobs', partition: 0, offset: 10 }]);
    expect(tracker.open([{ topic: 'jobs', partition: 1 }])).toBe(0);
  });

  it('never commits for a revoked partition, even when its jobs settle later', () => {
    const tracker = new OffsetTracker();
    const early = tracker.receive('jobs', 2, 40);
    tracker.takeCommits();
    tracker.forget([{ topic: 'jobs', partition: 2 }]);
    tracker.settle(early);
    expect(tracker.takeCommits()).toEqual([]);
    // Reassigned later: reading resumes from the committed position with fresh bookkeeping.
    const again = tracker.receive('jobs', 2, 40);
    tracker.settle(again);
    expect(tracker.takeCommits()).toEqual([{ topic: 'jobs', partition: 2, offset: 41 }]);
  });

  it('refuses offsets that go backwards within one assignment', () => {
    const tracker = new OffsetTracker();
    tracker.receive('jobs', 0, 7);
    expect(() => tracker.receive('jobs', 0, 7)).toThrow('offset 7 of jobs[0] arrived after 7');
  });

  it('stays correct across many settles in random order', () => {
    const tracker = new OffsetTracker();
    const tickets = Array.from({ length: 5_000 }, (_, i) => tracker.receive('jobs', 0, i));
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const order = tickets.map((t) => ({ t, r: random() })).sort((x, y) => x.r - y.r).map((x) => x.t);
    // Before anything settles, the position is the first offset handed out.
    expect(tracker.takeCommits()).toEqual([{ topic: 'jobs', partition: 0, offset: 0 }]);
    let lastCommit = 0;
    const settled = new Set<number>();
    for (const ticket of order) {
      tracker.settle(ticket);
      settled.add(ticket.offset);
      for (const commit of tracker.takeCommits()) {
        // Everything below a committed position has settled; positions only move forward.
        for (let o = lastCommit; o < commit.offset; o++) expect(settled.has(o)).toBe(true);
        expect(commit.offset).toBeGreaterThan(lastCommit);
        lastCommit = commit.offset;
      }
    }
    expect(lastCommit).toBe(5_000);
  });
});
