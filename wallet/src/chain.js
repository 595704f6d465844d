// The wallet's view of the chain, through polkadot-api: decoded from the chain's own metadata
// at run time (no generated descriptors, so a runtime upgrade needs no new wallet), over the
// new JSON-RPC interface (chainHead, transaction) that both a node and a light client serve.
// Reads go through runtime APIs and storage only, never a node's custom RPC methods, which a
// light client cannot answer.

import { checkAddress } from '@polkadot/util-crypto';
import { Binary, createClient } from 'polkadot-api';
import { getWsProvider } from 'polkadot-api/ws';
import { parseChallenge, REFUSAL, SS58_PREFIX } from 'seoul-chain-tools/lib/citizens.js';
import { compareWithChain, describeCredential } from 'seoul-chain-tools/lib/credentials.js';
import { parsePayload, verifyPayload } from 'seoul-chain-tools/lib/scoin.js';

/** How long the wallet waits for a node to describe its chain before it says it cannot connect. */
const CONNECT_TIMEOUT_MS = 20_000;

/** Why a chain operation failed; `code` names the message shown (i18n.js), `detail` adds to it. */
export class ChainError extends Error {
  constructor(code, detail = '') {
    super(detail ? `${code}: ${detail}` : code);
    this.code = code;
    this.detail = detail;
  }
}

function withTimeout(promise, ms, code) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new ChainError(code)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

/** The connection's description, from a client that has reached its chain. */
async function describe(client, mode, extra) {
  const spec = await client.getChainSpecData();
  return {
    mode,
    client,
    api: client.getUnsafeApi(),
    name: spec.name,
    genesisHash: spec.genesisHash,
    symbol: spec.properties?.tokenSymbol ?? 'SCN',
    decimals: spec.properties?.tokenDecimals ?? 6,
    ...extra,
  };
}

/**
 * Connects to the node at the WebSocket `url`; resolves to the connection: `mode` (`rpc`),
 * `api` (polkadot-api's untyped API), the chain's `name`, `genesisHash` and token, and
 * `destroy()`.
 */
export async function connectRpc(url) {
  if (!/^wss?:\/\/./.test(url)) throw new ChainError('badUrl');
  const client = createClient(getWsProvider(url, { timeout: CONNECT_TIMEOUT_MS }));
  try {
    return await withTimeout(describe(client, 'rpc', { url, destroy: () => client.destroy() }), CONNECT_TIMEOUT_MS, 'cannotConnect');
  } catch (error) {
    client.destroy();
    throw error instanceof ChainError ? error : new ChainError('cannotConnect', error.message);
  }
}

/** How often the light client is asked whether it has found a peer. */
const PEER_POLL_MS = 1_000;

/**
 * Connects through a light client (smoldot, in a web worker) to the chain of `chainSpec` (the
 * text of a raw chain spec whose `bootNodes` the browser can reach: `/wss` or, on the same
 * machine, `/ws`). It checks every block it is shown against the chain's finality proofs instead
 * of trusting a node. Resolves once it has a peer and a finalised block; rejects with ChainError
 * `lightClientFailed` if that takes longer than `timeoutMs`.
 */
export async function connectLight(chainSpec, timeoutMs) {
  const [{ startFromWorker }, { default: SmoldotWorker }, { getSmProvider }] = await Promise.all([
    import('polkadot-api/smoldot/from-worker'),
    import('polkadot-api/smoldot/worker?worker'),
    import('polkadot-api/sm-provider'),
  ]);
  // forbidNonLocalWs: a page served over https may open only wss:// connections to other hosts.
  const smoldot = startFromWorker(new SmoldotWorker(), { forbidNonLocalWs: true, maxLogLevel: 2 });
  const client = createClient(getSmProvider(() => smoldot.addChain({ chainSpec })));
  const destroy = () => {
    client.destroy();
    smoldot.terminate();
  };
  try {
    return await withTimeout((async () => {
      for (;;) {
        const health = await client._request('system_health', []);
        if (health.peers > 0) break;
        await new Promise((resolve) => setTimeout(resolve, PEER_POLL_MS));
      }
      await new Promise((resolve) => {
        const subscription = client.finalizedBlock$.subscribe(() => {
          resolve();
          setTimeout(() => subscription.unsubscribe());
        });
      });
      return describe(client, 'light', { destroy });
    })(), timeoutMs, 'lightClientFailed');
  } catch (error) {
    destroy();
    throw error instanceof ChainError ? error : new ChainError('lightClientFailed', error.message);
  }
}

/** An enum variant in lower camel case, as the chain's RPC and docs name it. */
const variant = ({ type }) => type.charAt(0).toLowerCase() + type.slice(1);

/**
 * The member's record as the register holds it (`CitizensApi.member`), or null for an account
 * that is not a member: DID, kind, roles, status and the quota of fee-free work this period.
 */
export async function member(connection, address) {
  const record = await connection.api.apis.CitizensApi.member(Binary.fromText(`did:seoul:${address}`));
  if (!record) return null;
  return {
    did: Binary.toText(record.did),
    kind: variant(record.kind),
    roles: record.roles.map(variant),
    status: variant(record.status),
    quota: {
      allowance: record.quota.allowance,
      used: record.quota.used,
      remaining: record.quota.remaining,
      resetsAt: record.quota.resets_at,
    },
  };
}

/** The account's spendable S-coin, in planck. */
export async function balance(connection, address) {
  const account = await connection.api.query.System.Account.getValue(address);
  return account.data.free - account.data.frozen;
}

/** The number of the last finalised block; `onBlock(number)` is called for every new one. */
export function followFinalised(connection, onBlock) {
  const subscription = connection.client.finalizedBlock$.subscribe((block) => onBlock(block.number));
  return () => subscription.unsubscribe();
}

/**
 * Whether `address` is an account of this chain: SS58 with its prefix, 8282 (polkadot-api's own
 * decoder reads two-byte prefixes differently, so @polkadot/util-crypto checks it).
 */
export function isChainAddress(address) {
  return checkAddress(address.trim(), SS58_PREFIX)[0];
}

/** The codes of the pool's refusals that a member can act on (pallet_citizens::refusal). */
const REFUSALS = Object.fromEntries(Object.entries(REFUSAL).map(([name, code]) => [code, name]));

/** A refusal or failure as a ChainError the wallet can explain. */
function explain(error) {
  if (error instanceof ChainError) return error;
  const invalid = error?.error ?? error;
  if (invalid?.type === 'Invalid' && invalid.value?.type === 'Custom') {
    return new ChainError('refused', REFUSALS[invalid.value.value] ?? String(invalid.value.value));
  }
  if (invalid?.type === 'Invalid' || invalid?.type === 'Unknown') {
    return new ChainError('refused', invalid.value?.type ?? invalid.type);
  }
  return new ChainError('failed', error?.message ?? String(error));
}

/** The failed call's error as `Pallet.Error` (e.g. `Balances.InsufficientBalance`). */
function dispatchErrorName(dispatchError) {
  if (dispatchError?.type === 'Module') {
    const { type: pallet, value } = dispatchError.value;
    return `${pallet}.${value?.type ?? '?'}`;
  }
  if (dispatchError?.type === 'Token') return `Token.${dispatchError.value?.type}`;
  return dispatchError?.type ?? 'unknown';
}

/**
 * Signs `tx` with `signer` (a PolkadotSigner: signers.js) and submits it; `onStatus` sees `signed`, `broadcasted`,
 * `inBlock` and `finalized`. Resolves with the finalised block's number, hash and the
 * transaction's events (`{ type: pallet, value: { type: name, value: fields } }`) once a
 * finalised block includes it; rejects with a ChainError: `refused` (the pool's reason), or
 * `callFailed` (the chain's error, e.g. `Balances.InsufficientBalance`), or the signer's own
 * (`notSigned` when the member refused in an extension).
 */
export function signAndSend(tx, signer, onStatus = () => {}) {
  return new Promise((resolve, reject) => {
    const subscription = tx.signSubmitAndWatch(signer).subscribe({
      next(event) {
        if (event.type === 'txBestBlocksState') {
          if (event.found) onStatus('inBlock', event.block.number);
          return;
        }
        onStatus(event.type);
        if (event.type !== 'finalized') return;
        subscription.unsubscribe();
        if (event.ok) resolve({ block: event.block.number, hash: event.block.hash, events: event.events });
        else reject(new ChainError('callFailed', dispatchErrorName(event.dispatchError)));
      },
      error: (error) => reject(explain(error)),
    });
  });
}

/** A transfer of `planck` to `to` that leaves the sender's account alive. */
export function transferCall(connection, to, planck) {
  return connection.api.tx.Balances.transfer_keep_alive({ dest: { type: 'Id', value: to.trim() }, value: planck });
}

/** The number of the best block. */
const bestNumber = (connection) => connection.api.query.System.Number.getValue({ at: 'best' });

/**
 * A ZeroPay `scoin:pay` payload checked as a wallet must before it asks the member to pay:
 * well formed, signed by the merchant for this chain, not expired, and the merchant registered.
 * Resolves to `{ request, signature, merchant, problem }`, `problem` naming the first check that
 * failed (`badSignature`, `expired`, `unknownMerchant`) or null; rejects with ChainError `badQr`
 * for a text that is not a payment request.
 */
export async function checkPaymentRequest(connection, uri) {
  let parsed;
  try {
    parsed = parsePayload(uri.trim());
  } catch (error) {
    throw new ChainError('badQr', error.message);
  }
  const { request } = parsed;
  // As of the best block, which the payment will follow: a merchant registered a moment ago is
  // known, and the expiry is judged against the next block.
  const [best, profile] = await Promise.all([
    bestNumber(connection),
    connection.api.query.SCoin.Merchants.getValue(request.merchant, { at: 'best' }),
  ]);
  const merchant = profile && { zeropayId: Binary.toText(profile.zeropay_id), category: profile.category };
  let problem = null;
  if (!verifyPayload(connection.genesisHash, parsed)) problem = 'badSignature';
  // The next block is the first that could include the payment.
  else if (best + 1 > request.expiry) problem = 'expired';
  else if (!merchant) problem = 'unknownMerchant';
  return { ...parsed, merchant, problem };
}

/** The `SCoin.pay` call of a checked payment request. */
export function payCall(connection, { request, signature }) {
  const [scheme, hex] = Object.entries(signature)[0];
  return connection.api.tx.SCoin.pay({
    request: {
      merchant: request.merchant,
      amount: request.amount,
      order_reference: Binary.fromText(request.orderReference),
      expiry: request.expiry,
      nonce: request.nonce,
    },
    signature: { type: scheme, value: hex },
  });
}

/**
 * A sign-in challenge checked before the member signs it: for this chain, for the member's own
 * DID, and not expired by the chain's clock. Resolves to its fields; rejects with ChainError
 * `badChallenge` (malformed), `otherChain`, `otherDid` or `challengeExpired`.
 */
export async function checkChallenge(connection, text, address) {
  let challenge;
  try {
    challenge = parseChallenge(text.trim());
  } catch (error) {
    throw new ChainError('badChallenge', error.message);
  }
  if (challenge.genesisHash !== connection.genesisHash) throw new ChainError('otherChain');
  if (challenge.did !== `did:seoul:${address}`) throw new ChainError('otherDid');
  const now = await connection.api.query.Timestamp.Now.getValue({ at: 'best' });
  if (BigInt(challenge.expiresAt) <= now) throw new ChainError('challengeExpired');
  return challenge;
}

/**
 * The S-coin catalogue: `[{ id, name, price, stock }]` of the items that may still be redeemed,
 * by id. Read from storage (`SCoin.Catalogue`), as the explorer shows it: the runtime has no
 * catalogue API yet.
 */
export async function catalogue(connection) {
  const entries = await connection.api.query.SCoin.Catalogue.getEntries();
  return entries
    .map(({ keyArgs: [id], value }) => ({ id, name: Binary.toText(value.name), price: value.price, stock: value.stock }))
    .filter((item) => item.stock > 0)
    .sort((a, b) => a.id - b.id);
}

/** The `SCoin.redeem` call of catalogue item `id`. */
export const redeemCall = (connection, id) => connection.api.tx.SCoin.redeem({ item: id });

/** The voucher id that a redemption's events carry. */
export function voucherOf(events) {
  return events.find((event) => event.type === 'SCoin' && event.value.type === 'Redeemed')?.value.value.voucher;
}

/** The most programmes the wallet asks about: ids are given in order from 0. */
const MAX_PROGRAMMES = 256;

/**
 * The reward programmes from id `from` on, `[{ id, name }]`, through the runtime API
 * `SCoinApi.programme`: ids are given in order and programmes never removed, so a wallet that
 * knows the first `from` asks only for newer ones.
 */
export async function programmes(connection, from = 0) {
  const found = [];
  for (let id = from; id < MAX_PROGRAMMES; id += 1) {
    const programme = await connection.api.apis.SCoinApi.programme(id);
    if (!programme) break;
    found.push({ id, name: Binary.toText(programme.name) });
  }
  return found;
}

/**
 * What `address` earned this period in each programme it earned in, and what its cap still
 * allows: `[{ id, name, earned, capLeft }]`, through `SCoinApi.standing`.
 */
export async function earnings(connection, address, known) {
  const standings = await Promise.all(known.map((programme) => connection.api.apis.SCoinApi.standing(programme.id, address)));
  return known
    .map((programme, index) => ({ ...programme, earned: standings[index]?.earned ?? 0n, capLeft: standings[index]?.cap_left ?? 0n }))
    .filter((programme) => programme.earned > 0n);
}

/**
 * A credential the member holds (a VC 2.0 document, which stays on the device) checked against
 * the chain's record of its hash (`CredentialsApi.verify`): `describeCredential`'s fields and
 * `verdict`: `valid`, `suspended`, `revoked`, `expired`, `notYetValid`, `unknown`, or
 * `mismatch` (the record names another issuer, subject or dates than the document).
 */
export async function checkCredential(connection, vc) {
  const credential = describeCredential(vc);
  const { verdict, credential: record } = await connection.api.apis.CredentialsApi.verify(credential.hash);
  const onChain = { status: variant(verdict) };
  if (record) {
    Object.assign(onChain, {
      issuer: record.issuer,
      subject: `did:seoul:${record.subject}`,
      validFrom: Number(record.valid_from),
      validUntil: record.valid_until === undefined ? null : Number(record.valid_until),
    });
  }
  return { ...credential, verdict: compareWithChain(credential, onChain).verdict };
}

/** The `Credentials.submit` call: the credentials of `hashes` to `verifier`, for the purpose of `purposeHash`. */
export function submitCall(connection, verifier, hashes, purposeHash) {
  return connection.api.tx.Credentials.submit({ verifier: verifier.trim(), credentials: hashes, purpose_hash: purposeHash });
}

/** The submission id that a submission's events carry. */
export function submissionOf(events) {
  return events.find((event) => event.type === 'Credentials' && event.value.type === 'Submitted')?.value.value.submission;
}

/** The most of a member's donations the wallet lists. */
const DONATIONS_SHOWN = 100;

/**
 * The member's donations and where each went (`DonationsApi.donor_donations`): `[{ id, campaign,
 * amount, kind (scoin or won), state, givenAt, refunded, released, held }]`, oldest first.
 */
export async function donationsOf(connection, address) {
  const page = await connection.api.apis.DonationsApi.donor_donations(address, undefined, DONATIONS_SHOWN);
  return page.items.map(([id, trace]) => ({
    id: Number(id),
    campaign: trace.donation.campaign,
    amount: trace.donation.amount,
    kind: trace.donation.kind.type === 'SCoin' ? 'scoin' : 'won',
    state: variant(trace.donation.state),
    givenAt: Number(trace.donation.given_at),
    refunded: trace.donation.refunded,
    released: trace.released,
    held: trace.held,
  }));
}

/** The most of a member's contracts, and of a contract's pay statements, the wallet lists. */
const LABOR_SHOWN = 100;

/** A calendar date of the labour pallet as ISO `YYYY-MM-DD`. */
const isoDate = ({ year, month, day }) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/**
 * The member's part-time work contracts (`LaborApi.contracts` and `contract`) with their pay
 * statements (`LaborApi.pay_statements`): `[{ id, party (worker or employer), employer, worker,
 * start, end, hourlyWage, standing, statements: [{ from, to, gross, net, computedGross,
 * shortfall, status }] }]`, wages in won.
 */
export async function contractsOf(connection, address) {
  const { LaborApi } = connection.api.apis;
  const page = await LaborApi.contracts(address, undefined, LABOR_SHOWN);
  return Promise.all(page.items.map(async ([id, party]) => {
    const [record, statements] = await Promise.all([LaborApi.contract(id), LaborApi.pay_statements(id, undefined, LABOR_SHOWN)]);
    const { contract } = record;
    return {
      id: Number(id),
      party: variant(party),
      employer: contract.employer,
      worker: contract.worker,
      start: isoDate(contract.start),
      end: contract.end ? isoDate(contract.end) : null,
      hourlyWage: contract.terms.hourly_wage,
      standing: variant(record.standing),
      statements: statements.items.map(([from, statement]) => ({
        from: isoDate(from),
        to: isoDate(statement.to),
        gross: statement.paid.gross,
        net: statement.paid.net,
        computedGross: statement.computed.gross,
        shortfall: statement.shortfall,
        status: variant(statement.status),
      })),
    };
  }));
}

/** The `Labor.accept_contract` call: the worker's signature on a proposed contract (ids are u64: BigInt). */
export const acceptContractCall = (connection, id) => connection.api.tx.Labor.accept_contract({ contract: BigInt(id) });
