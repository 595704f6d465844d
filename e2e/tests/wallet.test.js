// The citizen wallet (wallet/) in a real headless Chromium against `seoul-node --dev`, over the
// node's RPC: a member imports a key kept encrypted in the browser, a wrong password is refused,
// the Citizens Card and balance shown are the chain's, a transfer is shown final, a wrong
// address is refused before anything is signed, and both languages pass an accessibility check.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Keyring } from '@polkadot/keyring';
import { SS58_PREFIX } from 'seoul-chain-tools/lib/citizens.js';
import { planckToScn } from 'seoul-chain-tools/lib/scoin.js';
import { launchBrowser, screenshot } from '../lib/browser.js';
import { serveStatic } from '../lib/static.js';
import {
  connect, rpc, startNode, waitFor,
} from '../lib/node.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PASSWORD = 'seoul-wallet-test-1';
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

describe('the citizen wallet, over RPC', () => {
  let node;
  let api;
  let dist;
  let site;
  let browser;
  let page;
  let dave;
  let eve;

  before(async () => {
    dist = mkdtempSync(path.join(os.tmpdir(), 'seoul-wallet-'));
    const [started] = await Promise.all([
      startNode(['--dev'], { name: 'wallet-chain' }),
      promisify(execFile)(path.join(repoRoot, 'node_modules/.bin/vite'), ['build', 'wallet', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'], { cwd: repoRoot }),
    ]);
    node = started;
    api = await connect(node);
    site = await serveStatic(dist, { '/config.json': JSON.stringify({ rpc: node.url }) });
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.setViewport({ width: 480, height: 900 });
    const keyring = new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX });
    [dave, eve] = ['//Dave', '//Eve'].map((uri) => keyring.addFromUri(uri));
  });

  after(async () => {
    await browser?.close();
    await api?.disconnect();
    await site?.close();
    await node?.stop();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  const text = (selector) => page.$eval(selector, (element) => element.textContent.trim());
  const visible = (selector) => page.$eval(selector, (element) => !element.closest('[hidden]'));
  const nonceOf = async (address) => (await api.rpc.system.accountNextIndex(address)).toNumber();
  const spendable = async (address) => {
    const { data } = await api.query.system.account(address);
    return data.free.toBigInt() - data.frozen.toBigInt();
  };
  async function type(selector, value) {
    await page.$eval(selector, (element) => { element.value = ''; });
    await page.type(selector, value);
  }
  async function noSeriousViolations() {
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => (await window.axe.run(document)).violations
      .filter((violation) => ['serious', 'critical'].includes(violation.impact))
      .map((violation) => `${violation.id}: ${violation.nodes.map((n) => n.target.join(' ')).join(', ')}`));
    assert.deepEqual(violations, []);
  }

  test('a member imports a key, a wrong password is refused, and the card and balance are the chain\'s', async () => {
    await page.goto(site.url);
    await page.waitForSelector('body[data-ready]');
    await waitFor(async () => (await text('#connection')).includes('#'), { what: 'the wallet to connect' });
    assert.equal(await page.$eval('html', (html) => html.lang), 'ko');
    await screenshot(page, 'wallet-ko-start');

    await type('#import-secret', '//Dave');
    await type('#import-name', 'Dave');
    await type('#import-password', PASSWORD);
    await page.click('#import-form button[type="submit"]');
    await page.waitForSelector('#unlock-section:not([hidden])');
    const stored = await page.evaluate(() => localStorage.getItem('seoul-wallet/accounts'));
    const [{ address, json }] = JSON.parse(stored);
    assert.equal(address, dave.address);
    assert.deepEqual(json.encoding.type, ['scrypt', 'xsalsa20-poly1305'], 'kept encrypted');
    assert.ok(!stored.includes('//Dave'), 'the secret is not stored');

    await type('#unlock-password', 'not the password');
    await page.click('#unlock-form button[type="submit"]');
    await waitFor(async () => (await text('#error')) !== '', { what: 'the refusal' });
    assert.equal(await text('#error'), '비밀번호가 맞지 않습니다.');
    assert.equal(await visible('#wallet-section'), false);

    await type('#unlock-password', PASSWORD);
    await page.click('#unlock-form button[type="submit"]');
    await page.waitForSelector('#wallet-section:not([hidden])');
    await waitFor(async () => (await text('#balance')) !== '', { what: 'the balance' });
    const card = await rpc(node.rpcPort, 'citizens_member', [dave.address]);
    assert.equal(await text('#member-did'), card.did);
    assert.equal(await text('#member-kind'), '시민');
    assert.equal(await text('#member-status'), '사용 중');
    assert.equal(await text('#member-quota'), `${card.quota.remaining} / ${card.quota.allowance} 단위 (블록 #${card.quota.resetsAt}에 초기화)`);
    assert.equal(await text('#balance'), `${planckToScn(await spendable(dave.address))} SCN`);
    await screenshot(page, 'wallet-ko-member');
  });

  test('a transfer is confirmed by the member, shown final, and a wrong address is refused before signing', async () => {
    const nonce = await nonceOf(dave.address);
    const eveBefore = await spendable(eve.address);
    await type('#transfer-to', 'f9jpQ5rq4Ays-not-an-address');
    await type('#transfer-amount', '1.5');
    await page.click('#transfer-form button[type="submit"]');
    await waitFor(async () => (await text('#error')) !== '', { what: 'the refusal' });
    assert.equal(await text('#error'), '받는 계정 주소가 서울 체인 주소가 아닙니다.');
    assert.equal(await visible('#confirm'), false);

    await type('#transfer-to', eve.address);
    await page.click('#transfer-form button[type="submit"]');
    await page.waitForSelector('#confirm:not([hidden])');
    assert.equal(await text('#confirm-text'), `${eve.address}에게 1.5 SCN을 보냅니다. 수수료는 없습니다.`);
    await screenshot(page, 'wallet-ko-confirm');
    assert.equal(await nonceOf(dave.address), nonce, 'nothing signed before the member confirms');
    await page.click('#confirm-send');
    await waitFor(async () => /확정되었습니다/.test(await text('#status')), { timeoutMs: 60_000, what: 'the transfer to be final' });
    assert.equal(await nonceOf(dave.address), nonce + 1);
    assert.equal(await spendable(eve.address) - eveBefore, 1_500_000n);
    await waitFor(async () => (await text('#balance')) === `${planckToScn(await spendable(dave.address))} SCN`, { what: 'the new balance' });
    await screenshot(page, 'wallet-ko-sent');
  });

  test('in English too, and neither language has a serious accessibility fault', async () => {
    await noSeriousViolations();
    await page.click('#language');
    assert.equal(await page.$eval('html', (html) => html.lang), 'en');
    assert.equal(await text('h1'), 'Seoul citizen wallet');
    await waitFor(async () => (await text('#member-status')) === 'Active', { what: 'the card in English' });
    await noSeriousViolations();
    await screenshot(page, 'wallet-en-member');
  });
});
