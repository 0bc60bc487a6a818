import { clauseMetaMap, readClauseMeta } from '@accord/shared/domain/clauseMeta';
import { clauseElements, clauseIdOf, plainText } from '@accord/shared/domain/clauseNodes';
import type { FinalExportRefusalBody } from '@accord/shared/protocol/api';
import { strFromU8, unzipSync } from 'fflate';
import { extractText } from 'unpdf';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../seed/demo';
import { apiRequest } from '../../testing/apiClient';
import { clauseText } from '../../testing/testClient';
import { type RunningTestServer, signIn } from '../../testing/testServer';
import { demoAnchor } from '../../testing/threadTestSetup';
import {
  closeAll,
  demoDocumentId,
  openClient,
  startServer,
  storedDoc,
  until,
} from '../../testing/wsTestClients';

/**
 * Exports end to end (issue 6): the real server on port 0 with SQLite in a temporary folder,
 * signed-in users of the demo, the files as a browser downloads them.
 */

afterEach(closeAll);

/** 29 November 2026, 14:05 UTC: the server's clock in these tests. */
const NOW = Date.UTC(2026, 10, 29, 14, 5);

interface Download {
  status: number;
  headers: Headers;
  bytes: Uint8Array;
  text: string;
}

async function download(
  server: RunningTestServer,
  cookie: string | null,
  query: string,
  documentId = demoDocumentId(server),
): Promise<Download> {
  const response = await fetch(`${server.url}/api/documents/${documentId}/export?${query}`, {
    headers: { origin: server.url, ...(cookie === null ? {} : { cookie }) },
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return {
    status: response.status,
    headers: response.headers,
    bytes,
    text: new TextDecoder().decode(bytes),
  };
}

function errorOf(reply: Download): { code: string; message: string } {
  return (JSON.parse(reply.text) as FinalExportRefusalBody).error;
}

async function fixedClockServer(dataDir?: string) {
  return startServer({ now: () => NOW, ...(dataDir === undefined ? {} : { dataDir }) });
}

describe('GET /api/documents/:id/export', () => {
  it("writes its times on the negotiation's clock once a moderator changes the zone", async () => {
    const { server } = await fixedClockServer();
    const chair = await signIn(server, 'chair', DEMO_PASSWORD);
    const negotiationId = (await server.storage.documents.byId(demoDocumentId(server)))
      ?.negotiationId;
    const changed = await apiRequest(
      server,
      chair,
      'PUT',
      `/api/negotiations/${negotiationId}/time-zone`,
      {
        timeZone: 'America/Mexico_City',
      },
    );
    expect(changed.status).toBe(200);
    const markdown = await download(server, chair, 'format=md&mode=draft');
    expect(markdown.text).toContain(
      '> **DRAFT — compiled 29 November 2026, 08:05 Mexico City time (UTC-6)',
    );
    expect(markdown.headers.get('content-disposition')).toContain('-draft-2026-11-29-0805.md"');
  });

  it('gives any member, observers included, the draft in every format', async () => {
    const { server } = await fixedClockServer();
    const observer = await signIn(server, 'observer', DEMO_PASSWORD);

    const markdown = await download(server, observer, 'format=md&mode=draft');
    expect(markdown.status).toBe(200);
    expect(markdown.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(markdown.headers.get('content-disposition')).toBe(
      'attachment; filename="communique-joint-communique-on-regional-economic-growth-and-migration-draft-2026-11-29-0905.md"',
    );
    // The demo negotiation keeps Washington's clock: 14:05 UTC is 09:05 there, and it says so.
    expect(markdown.text).toContain(
      '> **DRAFT — compiled 29 November 2026, 09:05 New York time (UTC-5)',
    );
    expect(markdown.text).toContain('# Joint Communiqué on Regional Economic Growth and Migration');
    expect(markdown.text).toContain('Washington, D.C., 11 June 2025');
    expect(markdown.text).toContain('**PP1** *Recognizing* that');
    expect(markdown.text).toContain('**OP10** Decide to meet again');

    // Public threads may be asked for in a draft; the server has none to give yet.
    const withThreads = await download(server, observer, 'format=md&mode=draft&threads=public');
    expect(withThreads.status).toBe(200);
    expect(withThreads.text).toBe(markdown.text);

    const text = await download(server, observer, 'format=txt');
    expect(text.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(text.text).toMatch(/^DRAFT — compiled/);

    const html = await download(server, observer, 'format=html&mode=draft');
    expect(html.text).toMatch(/^<!DOCTYPE html>/);
    expect(html.text).toContain('<span class="label">OP6</span>');

    const docx = await download(server, observer, 'format=docx&mode=draft');
    expect(docx.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const documentXml = strFromU8(unzipSync(docx.bytes)['word/document.xml']!);
    const labels = [...documentXml.matchAll(/>((?:PP|OP)\d+)<\/w:t>/g)].map((match) => match[1]);
    expect(labels).toEqual([
      ...['PP1', 'PP2', 'PP3', 'PP4', 'PP5'],
      ...['OP1', 'OP2', 'OP3', 'OP4', 'OP5', 'OP6', 'OP7', 'OP8', 'OP9', 'OP10'],
    ]);

    const pdf = await download(server, observer, 'format=pdf&mode=draft');
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const { text: pdfText } = await extractText(pdf.bytes, { mergePages: true });
    expect(pdfText.replace(/\s+/g, ' ')).toContain('Decide to meet again at ministerial level');
  });

  it('gives byte-identical exports of the same state', async () => {
    const { server } = await fixedClockServer();
    const cookie = await signIn(server, 'mx.delegate', DEMO_PASSWORD);
    for (const format of ['txt', 'md', 'html', 'docx']) {
      const first = await download(server, cookie, `format=${format}&mode=draft`);
      const second = await download(server, cookie, `format=${format}&mode=draft`);
      expect(first.status).toBe(200);
      expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);
    }
  });

  it('shows who asked for a bracket typed in the editor, and the live text', async () => {
    const { server } = await fixedClockServer();
    const mexico = await openClient(server, 'mx.delegate');
    clauseText(mexico.doc, 'op-jobs').insert(0, '[Mexico asks] ');
    await until(
      async () =>
        Object.keys(
          readClauseMeta(clauseMetaMap(await storedDoc(server)), 'op-jobs')?.brackets ?? {},
        ).length === 1,
      'the bracket is recorded',
    );
    const cookie = await signIn(server, 'us.delegate', DEMO_PASSWORD);
    const text = await download(server, cookie, 'format=txt&mode=draft');
    expect(text.text).toContain('OP4  [Mexico asks]{MX} Resolve to expand vocational training');
    // A bracket of the Chair's first draft has no owner.
    expect(text.text).toContain(
      'regional trade [and the suspension of tariffs on goods that comply with it],',
    );
  });

  it('refuses bad requests with clear errors', async () => {
    const { server } = await fixedClockServer();
    const delegate = await signIn(server, 'ca.delegate', DEMO_PASSWORD);

    const unknownFormat = await download(server, delegate, 'format=rtf');
    expect(unknownFormat.status).toBe(400);
    expect(errorOf(unknownFormat)).toEqual({
      code: 'bad_request',
      message: 'Unknown format "rtf": use one of txt, md, html, docx, pdf.',
    });
    const unknownMode = await download(server, delegate, 'format=md&mode=clean');
    expect(unknownMode.status).toBe(400);
    expect(errorOf(unknownMode).message).toBe('Unknown mode "clean": use one of draft, final.');
    const privateThreads = await download(server, delegate, 'format=md&threads=private');
    expect(privateThreads.status).toBe(400);

    const unknownDocument = await download(server, delegate, 'format=md', 'no-such-draft');
    expect(unknownDocument.status).toBe(404);
    expect(errorOf(unknownDocument).code).toBe('not_found');

    expect((await download(server, null, 'format=md')).status).toBe(401);

    for (const username of ['ca.delegate', 'observer']) {
      const cookie = await signIn(server, username, DEMO_PASSWORD);
      const final = await download(server, cookie, 'format=md&mode=final');
      expect(final.status).toBe(403);
      expect(errorOf(final)).toEqual({
        code: 'forbidden',
        message: 'Only a moderator may export the final communiqué.',
      });
    }

    const negotiation = (await server.storage.negotiations.list())[0]!;
    const user = (await server.storage.users.byUsername('ca.delegate'))!;
    await server.storage.negotiations.removeMembership(negotiation.id, user.id);
    expect((await download(server, delegate, 'format=md')).status).toBe(403);
  });

  it('refuses the final text while anything is unlocked, listing the clauses that block it', async () => {
    const { server } = await fixedClockServer();
    const chair = await signIn(server, 'chair', DEMO_PASSWORD);
    const refused = await download(server, chair, 'format=pdf&mode=final');
    expect(refused.status).toBe(409);
    const body = JSON.parse(refused.text) as FinalExportRefusalBody;
    expect(body.error.code).toBe('final_export_blocked');
    expect(body.error.message).toContain('PP5: not locked, has brackets');
    expect(body.blockers).toHaveLength(15);
    expect(body.blockers[0]).toEqual({
      clauseId: 'pp-shared-prosperity',
      label: 'PP1',
      reasons: ['notLocked'],
    });
    expect(body.blockers.find((blocker) => blocker.clauseId === 'op-returns')).toEqual({
      clauseId: 'op-returns',
      label: 'OP6',
      reasons: ['notLocked', 'brackets'],
    });
  });
});

describe('final export once everything is agreed', () => {
  it('is allowed to the chair when every clause is locked and no bracket remains', async () => {
    const first = await fixedClockServer();
    const documentId = demoDocumentId(first.server);
    const mexico = await openClient(first.server, 'mx.delegate');
    // Resolve the Chair's first-draft brackets in the editor, as a delegate would.
    for (const clauseId of ['pp-usmca', 'op-tariffs', 'op-supply-chains', 'op-returns']) {
      const text = clauseText(mexico.doc, clauseId);
      const value = text.toString();
      for (let index = value.length - 1; index >= 0; index--) {
        if (value[index] === '[' || value[index] === ']') text.delete(index, 1);
      }
    }
    await until(
      async () =>
        !clauseElements(await storedDoc(first.server)).some((element) =>
          plainText(element).includes('['),
        ),
      'the resolved text is stored',
    );
    const chair = await signIn(first.server, 'chair', DEMO_PASSWORD);
    const stillUnlocked = await download(first.server, chair, 'format=md&mode=final');
    expect(stillUnlocked.status).toBe(409);
    const { blockers } = JSON.parse(stillUnlocked.text) as FinalExportRefusalBody;
    expect(blockers.every((blocker) => blocker.reasons.join() === 'notLocked')).toBe(true);

    // The Chair locks every clause with the lock command, as from the clause panel.
    const server = first.server;
    const cookie = chair;
    for (const element of clauseElements(await storedDoc(server))) {
      const clauseId = clauseIdOf(element);
      const locked = await apiRequest(
        server,
        cookie,
        'PUT',
        `/api/documents/${documentId}/clauses/${clauseId}/lock`,
        { locked: true, reason: 'Agreed in plenary' },
      );
      expect(locked.status, `lock ${clauseId}`).toBe(200);
    }
    const final = await download(server, cookie, 'format=md&mode=final');
    expect(final.status).toBe(200);
    expect(final.headers.get('content-disposition')).toContain('-final-2026-11-29-0905.md"');
    expect(final.text).toMatch(/^# Joint Communiqué on Regional Economic Growth and Migration\n/);
    expect(final.text).toContain(
      '**OP2** Agree to consult one another at least ninety days before imposing new tariffs',
    );
    expect(final.text).not.toMatch(/DRAFT|\\\[|Locked|agree ·/);
    const docx = await download(server, cookie, 'format=docx&mode=final');
    expect(docx.status).toBe(200);
    // A delegate still may not, however agreed the text is.
    const delegate = await signIn(server, 'us.delegate', DEMO_PASSWORD);
    expect((await download(server, delegate, 'format=md&mode=final')).status).toBe(403);
  });
});

describe('comment threads in an export', () => {
  it('lists public threads in a draft only when asked, and private threads never', async () => {
    const { server } = await fixedClockServer();
    const threads = `/api/documents/${demoDocumentId(server)}/threads`;
    const mexico = await signIn(server, 'mx.delegate', DEMO_PASSWORD);
    for (const [visibility, body] of [
      ['public', 'PUBLIC-NOTE on tariffs'],
      ['private', 'PRIVATE-MARKER our fallback line'],
    ] as const) {
      const { anchor, quote } = await demoAnchor(server, 'op-tariffs', 0, 10);
      const opened = await apiRequest(server, mexico, 'POST', threads, {
        visibility,
        anchor,
        quote,
        body,
      });
      expect(opened.status).toBe(201);
    }
    const chair = await signIn(server, 'chair', DEMO_PASSWORD);
    const everyExport = [
      ...['txt', 'md', 'html', 'docx', 'pdf'].map((format) => `format=${format}&mode=draft`),
      ...['txt', 'md', 'html'].map((format) => `format=${format}&mode=draft&threads=public`),
    ];
    for (const cookie of [mexico, chair]) {
      for (const query of everyExport) {
        const reply = await download(server, cookie, query);
        expect(reply.status, query).toBe(200);
        expect(reply.text, query).not.toContain('PRIVATE-MARKER');
        expect(reply.text.includes('PUBLIC-NOTE'), query).toBe(query.includes('threads=public'));
      }
    }
    const docx = await download(server, mexico, 'format=docx&mode=draft&threads=public');
    const xml = strFromU8(unzipSync(docx.bytes)['word/document.xml'] ?? new Uint8Array());
    expect(xml).toContain('PUBLIC-NOTE on tariffs');
    expect(xml).not.toContain('PRIVATE-MARKER');
    const pdf = await download(server, mexico, 'format=pdf&mode=draft&threads=public');
    const { text } = await extractText(pdf.bytes, { mergePages: true });
    expect(text).toContain('PUBLIC-NOTE on tariffs');
    expect(text).not.toContain('PRIVATE-MARKER');

    // Once its words are deleted, the thread is still listed, and says so.
    const attached = await download(server, mexico, 'format=md&mode=draft&threads=public');
    expect(attached.text).not.toContain('since been deleted');
    const editor = await openClient(server, 'mx.delegate');
    clauseText(editor.doc, 'op-tariffs').delete(0, 10);
    await until(
      async () =>
        !clauseText(await storedDoc(server), 'op-tariffs')
          .toString()
          .startsWith('Agree to c'),
      'the deletion is stored',
    );
    const detached = await download(server, mexico, 'format=md&mode=draft&threads=public');
    expect(detached.text).toContain('(these words have since been deleted)');
    expect(detached.text).toContain('PUBLIC-NOTE on tariffs');
  });
});
