#!/usr/bin/env node
// Makes, parses and draws the QR codes of ZeroPay payment requests paid in S-coins, as a
// merchant's till and a citizen's wallet do. Run through scripts/scoin-qr.sh; --help for the
// commands. Payload format: pallets/scoin/src/qr.rs.

import { writeFile } from 'node:fs/promises';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import QRCode from 'qrcode';
import { SS58_PREFIX } from '../lib/citizens.js';
import { makePaymentRequest, parsePayload, planckToScn, scnToPlanck, verifyPayload } from '../lib/scoin.js';
import { fail, parseCommand } from '../lib/cli.js';

const DEFAULT_WS = 'ws://127.0.0.1:9944';
const DEFAULT_VALID_FOR = 100;

const usage = `Usage: scripts/scoin-qr.sh <command> [options]
  make                 signs a payment request with the merchant's key
    --merchant SURI    the merchant's key, e.g. //SeoulMerchant or a mnemonic (required)
    --key-type TYPE    sr25519 (default) or ed25519
    --amount SCN       the amount in SCN, at most 6 decimals, e.g. 12.5 (required)
    --order REF        the order reference: 1 to 32 of A-Z a-z 0-9 - . _ ~ (required)
    --expiry BLOCK     the last block it may be paid in, or
    --valid-for N      N blocks after the chain's best block (default ${DEFAULT_VALID_FOR})
    --nonce U64        a number the merchant never uses twice (default: random)
    --ws URL           node RPC endpoint, for the genesis hash and best block (default ${DEFAULT_WS})
    --genesis HASH     the chain's genesis hash instead of a node; needs --expiry
    --png FILE, --svg FILE   also write the QR code to FILE
    Prints the payload alone on stdout and draws its QR code on stderr.
  parse PAYLOAD        prints the request as JSON; with --ws URL or --genesis HASH, also
                       whether the merchant's signature verifies for that chain
  draw PAYLOAD         draws the QR code on stdout; --png FILE, --svg FILE write it to files
Exit status: 0 done; 1 malformed payload or bad signature; 2 bad usage or no node.`;

/** The error correction level of every QR code: M restores 15% of a smudged or torn code. */
const QR_OPTIONS = { errorCorrectionLevel: 'M' };

const OPTIONS = {
  make: {
    merchant: { type: 'string' },
    'key-type': { type: 'string', default: 'sr25519' },
    amount: { type: 'string' },
    order: { type: 'string' },
    expiry: { type: 'string' },
    'valid-for': { type: 'string' },
    nonce: { type: 'string' },
    ws: { type: 'string' },
    genesis: { type: 'string' },
    png: { type: 'string' },
    svg: { type: 'string' },
  },
  parse: { ws: { type: 'string' }, genesis: { type: 'string' } },
  draw: { png: { type: 'string' }, svg: { type: 'string' } },
};

/** A whole number from an option, or a usage error. */
function integer(name, text, max) {
  if (!/^(0|[1-9][0-9]*)$/.test(text) || BigInt(text) > max) fail(`--${name} takes a whole number from 0 to ${max}`);
  return BigInt(text);
}

/** The genesis hash and best block of the chain at `url`. */
async function chainAt(url) {
  // Loaded only when a node is asked: it doubles the start-up time of a command.
  const { ApiPromise, WsProvider } = await import('@polkadot/api');
  let api;
  try {
    api = await ApiPromise.create({ provider: new WsProvider(url), noInitWarn: true, throwOnConnect: true });
    return { genesisHash: api.genesisHash.toHex(), best: (await api.rpc.chain.getHeader()).number.toNumber() };
  } catch (error) {
    fail(`cannot reach ${url}: ${error.message}`);
  } finally {
    await api?.disconnect();
  }
}

function genesisOption(hash) {
  if (!/^0x[0-9a-fA-F]{64}$/.test(hash)) fail('--genesis takes the genesis hash: 0x and 64 hex digits');
  return hash.toLowerCase();
}

/** Writes the QR code of `uri` to the files the options name. */
async function writeImages(uri, { png, svg }) {
  try {
    if (png) await QRCode.toFile(png, uri, { ...QR_OPTIONS, type: 'png' });
    if (svg) await writeFile(svg, await QRCode.toString(uri, { ...QR_OPTIONS, type: 'svg' }));
  } catch (error) {
    fail(`cannot write the QR code: ${error.message}`);
  }
}

const terminalQr = (uri) => QRCode.toString(uri, { ...QR_OPTIONS, type: 'terminal', small: true });

/** The payload named on the command line, parsed, or exit 1 saying what is wrong. */
function payloadArgument(positionals) {
  if (positionals.length !== 1) fail(`expected one payload argument, got ${positionals.length}\n${usage}`);
  try {
    return { uri: positionals[0], parsed: parsePayload(positionals[0]) };
  } catch (error) {
    fail(`malformed payload: ${error.message}`, 1);
  }
}

async function make(options) {
  for (const name of ['merchant', 'amount', 'order']) {
    if (options[name] === undefined) fail(`make needs --${name}\n${usage}`);
  }
  if (!['sr25519', 'ed25519'].includes(options['key-type'])) fail('--key-type takes sr25519 or ed25519');
  if (options.expiry !== undefined && options['valid-for'] !== undefined) fail('give --expiry or --valid-for, not both');
  if (options.genesis !== undefined && options.ws !== undefined) fail('give --genesis or --ws, not both');
  if (options.genesis !== undefined && options.expiry === undefined) {
    fail('--genesis needs --expiry: without a node the best block is unknown');
  }
  let amount;
  try {
    amount = scnToPlanck(options.amount);
  } catch (error) {
    fail(`--amount: ${error.message}`);
  }
  const option = (name, max) => (options[name] === undefined ? undefined : integer(name, options[name], max));
  const nonce = option('nonce', 2n ** 64n - 1n);
  const expiry = option('expiry', 2n ** 32n - 1n);
  const validFor = option('valid-for', 2n ** 32n - 1n) ?? BigInt(DEFAULT_VALID_FOR);

  await cryptoWaitReady();
  let merchant;
  try {
    merchant = new Keyring({ type: options['key-type'], ss58Format: SS58_PREFIX }).addFromUri(options.merchant);
  } catch (error) {
    fail(`invalid --merchant: ${error.message}`);
  }
  const chain = options.genesis !== undefined
    ? { genesisHash: genesisOption(options.genesis) }
    : await chainAt(options.ws ?? DEFAULT_WS);
  let uri;
  try {
    ({ uri } = makePaymentRequest({
      genesisHash: chain.genesisHash,
      merchant,
      amount,
      orderReference: options.order,
      expiry: Number(expiry ?? BigInt(chain.best) + validFor),
      nonce,
    }));
  } catch (error) {
    fail(error.message);
  }
  console.log(uri);
  process.stderr.write(await terminalQr(uri));
  await writeImages(uri, options);
}

async function parse(options, positionals) {
  if (options.genesis !== undefined && options.ws !== undefined) fail('give --genesis or --ws, not both');
  const { parsed: { request, signature } } = payloadArgument(positionals);
  const [scheme, hex] = Object.entries(signature)[0];
  const report = {
    merchant: request.merchant,
    amount: { planck: request.amount.toString(), scn: planckToScn(request.amount) },
    order: request.orderReference,
    expiry: request.expiry,
    nonce: request.nonce.toString(),
    signature: { scheme: scheme.toLowerCase(), hex },
  };
  let genesisHash;
  if (options.genesis !== undefined) genesisHash = genesisOption(options.genesis);
  if (options.ws !== undefined) ({ genesisHash } = await chainAt(options.ws));
  if (genesisHash) {
    await cryptoWaitReady();
    report.chain = genesisHash;
    report.signatureValid = verifyPayload(genesisHash, { request, signature });
  }
  console.log(JSON.stringify(report, null, 2));
  if (report.signatureValid === false) fail(`the merchant's signature does not verify for chain ${genesisHash}`, 1);
}

async function draw(options, positionals) {
  const { uri } = payloadArgument(positionals);
  process.stdout.write(await terminalQr(uri));
  await writeImages(uri, options);
}

const { command, values, positionals } = parseCommand(usage, OPTIONS, (command) => command !== 'make');
await { make, parse, draw }[command](values, positionals);
