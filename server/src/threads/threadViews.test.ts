import { describe, expect, it } from 'vitest';
import type { MessageRecord } from '../storage/storage';
import { unreadCount } from './threadViews';

function message(seq: number, authorId: string, extra: Partial<MessageRecord> = {}): MessageRecord {
  return {
    id: `m${seq}`,
    seq,
    threadId: 't',
    authorId,
    delegation: 'MX',
    body: 'text',
    createdAt: seq,
    editedAt: null,
    deletedAt: null,
    hiddenBy: null,
    hiddenReason: null,
    hiddenAt: null,
    ...extra,
  };
}

describe('unreadCount', () => {
  it('counts others’ messages after the read mark, not deleted or hidden ones', () => {
    const messages = [
      message(1, 'mx'),
      message(2, 'us'),
      message(3, 'mx'),
      message(4, 'mx', { deletedAt: 5 }),
      message(5, 'mx', { hiddenAt: 6, hiddenBy: 'chair', hiddenReason: 'Off topic' }),
    ];
    expect(unreadCount(messages, 'us', 0)).toBe(2);
    expect(unreadCount(messages, 'us', 1)).toBe(1);
    expect(unreadCount(messages, 'us', 3)).toBe(0);
    expect(unreadCount(messages, 'mx', 0)).toBe(1);
  });
});
