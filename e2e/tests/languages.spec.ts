import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../support/accordProcess';
import { useAccordServer } from '../support/accordServer';
import { englishOnlyRuns } from '../support/catalog';
import { selectWords } from '../support/comments';
import { openDemoDraft, selectClause, signInAs } from '../support/session';

const accord = useAccordServer();

/** Signs in through the sign-in page as it shows itself to this browser. */
async function signInHere(page: Page, username: string): Promise<void> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page).not.toHaveURL(/\/login/);
}

test('the Mexican delegate with a Spanish browser works through a position, a comment and an export in Spanish', async ({
  browser,
}) => {
  const context = await browser.newContext({ locale: 'es-MX', baseURL: accord.current.url });
  const page = await context.newPage();
  await page.goto('/login');
  // First visit: the browser's language, before anyone is signed in.
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('heading', { name: 'Iniciar sesión' })).toBeVisible();
  await expect(page.getByText('Nombre de usuario', { exact: true })).toBeVisible();
  await signInHere(page, 'mx.delegate');
  await expect(page.getByRole('heading', { name: 'Proyectos' })).toBeVisible();
  await expect(page.getByText('Participa como')).toContainText('México');
  await expect(page.getByTestId('language-menu')).toHaveValue('es');

  await openDemoDraft(page);
  await expect(page.getByTestId('connection-status')).toHaveText('Conectado');

  // A position, stated with the Spanish button and shown in Spanish.
  const panel = await selectClause(page, 'op-tariffs');
  await panel.getByRole('button', { name: 'De acuerdo', exact: true }).click();
  const ownChip = panel.locator('[data-testid="position-chip"][data-delegation="MX"]');
  await expect(ownChip).toHaveAttribute('data-position', 'agree');
  await expect(ownChip).toHaveText('De acuerdo');
  await expect(panel.getByText('Posición de México sobre el')).toBeVisible();
  await expect(
    panel.getByTestId('position-button').filter({ hasText: 'Se reserva' }),
  ).toBeVisible();

  // A public comment, through the Spanish toolbar and form.
  await selectWords(page, 'op-tariffs', 'ninety days');
  await page.getByRole('button', { name: 'Comentar', exact: true }).click();
  const form = page.getByTestId('new-thread-form');
  await expect(form).toContainText('Quién ve este hilo');
  await form.getByLabel('Todas las delegaciones').check();
  await form.getByLabel('Comentario', { exact: true }).fill('Proponemos sesenta días.');
  await form.getByRole('button', { name: 'Comentar' }).click();
  const card = page.getByTestId('thread-card').filter({ hasText: 'Proponemos sesenta días.' });
  await expect(card).toBeVisible();
  await expect(card).toContainText('Todas las delegaciones');
  await expect(card.getByRole('button', { name: 'Resolver' })).toBeVisible();

  // The export: the dialog in Spanish, its language Spanish by default, passed to the server.
  await expect(page.getByTestId('export-button')).toHaveText('Exportar');
  await page.getByTestId('export-button').click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog.getByRole('heading', { name: 'Exportar el comunicado' })).toBeVisible();
  await expect(dialog.getByTestId('export-lang')).toHaveValue('es');
  await dialog.getByTestId('export-format').selectOption('md');
  const requested = page.waitForRequest((request) => request.url().includes('/export?'));
  const downloading = page.waitForEvent('download');
  await dialog.getByTestId('export-download').click();
  expect(new URL((await requested).url()).searchParams.get('lang')).toBe('es');
  const download = await downloading;
  await expect(dialog).toContainText(`Descargado: ${download.suggestedFilename()}`);
  const markdown = readFileSync(await download.path(), 'utf8');
  // The negotiated text is never translated; the boilerplate is in Spanish.
  expect(markdown).toContain('Joint Communiqué on Regional Economic Growth and Migration');
  expect(markdown).toContain('PROYECTO');
  expect(markdown).not.toContain('DRAFT —');
  await context.close();
});

test('Canada switches to French and back: at once, without a reload, and remembered by the server', async ({
  browser,
}) => {
  const canada = await signInAs(browser, accord.current.url, 'ca.delegate');
  const { page } = canada;
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('signout')).toHaveText('Sign out');
  await expect(page.getByRole('heading', { name: 'Drafts' })).toBeVisible();
  // A mark on this page: it is still there after the switch only if the page was not reloaded.
  await page.evaluate(() => {
    document.body.dataset.sameDocument = 'yes';
  });

  const saved = page.waitForResponse(
    (response) =>
      response.url().endsWith('/api/me/locale') && response.request().method() === 'PUT',
  );
  await page.getByTestId('language-menu').selectOption('fr');
  expect((await saved).status()).toBe(204);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByTestId('signout')).toHaveText('Se déconnecter');
  await expect(page.getByRole('heading', { name: 'Projets' })).toBeVisible();
  await expect(page.getByText('Vous participez en tant que')).toContainText('Canada');
  await expect(page.locator('body')).toHaveAttribute('data-same-document', 'yes');

  // Stored on the server: a reload, and another browser in English, read French.
  await page.reload();
  await expect(page.getByTestId('signout')).toHaveText('Se déconnecter');
  await expect(page.getByTestId('language-menu')).toHaveValue('fr');
  const elsewhere = await signInAs(browser, accord.current.url, 'ca.delegate');
  await expect(elsewhere.page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(elsewhere.page.getByRole('heading', { name: 'Projets' })).toBeVisible();
  await elsewhere.context.close();

  // The draft in French, French typography included; then back to English.
  await openDemoDraft(page);
  await expect(page.getByTestId('connection-status')).toHaveText('Connecté');
  await expect(page.getByTestId('consensus-toggle')).toContainText('Consensus');
  await page.getByTestId('consensus-toggle').click();
  await expect(page.getByTestId('consensus-view')).toContainText('Entre crochets');
  await page.getByTestId('language-menu').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('consensus-view')).toContainText('Bracketed');
  await expect(page.getByTestId('connection-status')).toHaveText('Connected');
  await page.reload();
  await expect(page.getByTestId('signout')).toHaveText('Sign out');
  await expect(page.getByTestId('connection-status')).toHaveText('Connected');
  await canada.context.close();
});

test('on a phone the language menu is in the Menu', async ({ browser }) => {
  const guatemala = await signInAs(browser, accord.current.url, 'gt.delegate', {
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const { page } = guatemala;
  await expect(page.getByTestId('language-menu')).toBeHidden();
  await page.getByTestId('header-menu-button').click();
  await expect(page.getByTestId('language-menu')).toBeVisible();
  await page.getByTestId('language-menu').selectOption('es');
  await expect(page.getByTestId('signout')).toHaveText('Cerrar sesión');
  await expect(page.getByTestId('header-menu-button')).toHaveText('Menú');
  await guatemala.context.close();
});

/** The visible words of the page, less the negotiated text and people's names. */
async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const notInterface = [
      '.ProseMirror',
      '.redline-editor',
      '.app-header__name',
      '.member-row__name',
      '.presence-user',
      '.thread-message__author',
      '.thread-message__body',
      '.thread-card__quote',
      '.clause-panel__excerpt',
      '.alternatives__text',
      '.deleted-clauses__text',
      '.history-version__text',
      '[data-testid="clause-proposer"]',
      '[data-testid="lock-who"]',
      'script',
      'style',
    ].join(', ');
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest(notInterface)) continue;
      const option = parent.closest('option');
      if (option ? !option.selected : !parent.checkVisibility()) continue;
      const text = (node as Text).data.replace(/\s+/g, ' ').trim();
      if (text !== '') texts.push(text);
    }
    return texts;
  });
}

/** The English catalog words found among `texts`: a whole text, or a phrase inside one. */
function englishIn(texts: readonly string[], english: readonly string[]): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    for (const run of english) {
      if (text === run || (run.includes(' ') && text.includes(run)))
        found.add(`${run} ← "${text}"`);
    }
  }
  return [...found];
}

test('no English word of the catalog is left on the main pages in Spanish', async ({ browser }) => {
  const english = englishOnlyRuns();
  // The check would find nothing with an empty catalog.
  expect(english).toContain('Sign in');
  expect(english).toContain('Positions cleared by a text change');

  const context = await browser.newContext({ locale: 'es-SV', baseURL: accord.current.url });
  const page = await context.newPage();
  const seen: { where: string; texts: string[] }[] = [];
  const look = async (where: string) => seen.push({ where, texts: await visibleTexts(page) });

  await page.goto('/login');
  await expect(page.getByRole('heading', { name: 'Iniciar sesión' })).toBeVisible();
  await look('sign-in');
  await signInHere(page, 'sv.delegate');
  await expect(page.getByRole('heading', { name: 'Miembros' })).toBeVisible();
  await expect(page.getByTestId('member-row').first()).toBeVisible();
  await look('negotiation');

  await openDemoDraft(page);
  const panel = await selectClause(page, 'op-tariffs');
  await expect(panel.getByTestId('position-button').first()).toBeVisible();
  await look('draft with the clause panel and comments');
  await page.getByTestId('consensus-toggle').click();
  await expect(page.getByTestId('consensus-view')).toBeVisible();
  await look('consensus');
  await page.getByTestId('clause-tab').click();
  await page.getByTestId('history-button').click();
  await expect(page.getByTestId('history-drawer')).toBeVisible();
  await look('clause history');
  await page.getByTestId('history-close').click();
  await page.getByTestId('export-button').click();
  await expect(page.getByTestId('export-dialog')).toBeVisible();
  await look('export dialog');

  const offenders = seen.flatMap(({ where, texts }) =>
    englishIn(texts, english).map((found) => `${where}: ${found}`),
  );
  expect(offenders, `English left on the Spanish pages:\n${offenders.join('\n')}`).toEqual([]);
  // The pages did show words: the check ran on something.
  expect(seen.every(({ texts }) => texts.length > 5)).toBe(true);
  await context.close();
});
