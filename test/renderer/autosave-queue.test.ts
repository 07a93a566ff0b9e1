import { describe, expect, it } from 'vitest';
import { createAutosaveQueue, IDLE, type AutosaveState } from '../../renderer/src/pages/scoring/autosave-queue';

/** A write the test settles by hand, in the order it chooses. */
interface HeldWrite {
  key: string;
  value: string;
  resolve: () => void;
  reject: (error: Error) => void;
}

function setUp() {
  let state: AutosaveState = IDLE;
  const writes: HeldWrite[] = [];
  const landed: string[] = [];
  const queue = createAutosaveQueue<string>(
    (key, value) =>
      new Promise<void>((resolve, reject) => {
        writes.push({ key, value, resolve: () => (landed.push(`${key}=${value}`), resolve()), reject });
      }),
    // Long enough that only flushes write in these tests.
    60_000,
  );
  queue.listen((update) => (state = update(state)));
  // Lets the queue's promise chain move on to the next write.
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { queue, writes, landed, settle, state: () => state };
}

describe('autosave', () => {
  it('says saved only when the last of several queued writes has landed', async () => {
    const { queue, writes, settle, state } = setUp();
    queue.change('score:1', '18');
    void queue.flush('score:1');
    queue.change('verdict', 'pass');
    void queue.flush('verdict');
    await settle();
    writes[0]?.resolve();
    await settle();
    expect(state().saving).toBe(true);
    expect(writes).toHaveLength(2);
    writes[1]?.resolve();
    await settle();
    expect(state()).toMatchObject({ pending: false, saving: false, error: null });
    expect(state().savedAt).not.toBeNull();
  });

  it('does not keep a failed write whose field was written again after it', async () => {
    const { queue, writes, landed, settle, state } = setUp();
    queue.change('score:1', '18.');
    void queue.flush('score:1');
    queue.change('score:1', '18.5');
    void queue.flush('score:1');
    await settle();
    writes[0]?.reject(new Error('分数应为数字'));
    await settle();
    writes[1]?.resolve();
    await settle();
    expect(landed).toEqual(['score:1=18.5']);
    expect(state()).toMatchObject({ pending: false, saving: false, error: null });
    expect(writes).toHaveLength(2);
  });

  it('keeps a failed write, says so, and tries it again with the next change of any field', async () => {
    const { queue, writes, landed, settle, state } = setUp();
    queue.change('comment:1', '佐证材料不足');
    void queue.flush('comment:1');
    await settle();
    writes[0]?.reject(new Error('无法连接本机服务'));
    await settle();
    expect(state()).toMatchObject({ pending: true, saving: false, error: '无法连接本机服务' });

    queue.change('opinion', '建议通过');
    await settle();
    expect(writes.map((w) => `${w.key}=${w.value}`)).toEqual(['comment:1=佐证材料不足', 'comment:1=佐证材料不足']);
    writes[1]?.resolve();
    await settle();
    expect(landed).toEqual(['comment:1=佐证材料不足']);
    // The opinion waits for its own pause or flush.
    expect(state()).toMatchObject({ pending: true, saving: false, error: null });
    void queue.flush('opinion');
    await settle();
    writes[2]?.resolve();
    await settle();
    expect(landed).toEqual(['comment:1=佐证材料不足', 'opinion=建议通过']);
    expect(state()).toMatchObject({ pending: false, saving: false, error: null });
  });
});
