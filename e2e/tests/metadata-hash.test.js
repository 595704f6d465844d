// Hardware-wallet signing (RFC-0078, `CheckMetadataHash`): a wallet that cannot hold the metadata
// signs its merkleized root, the digest, in mode 1, as a Ledger companion app does. The digest is
// computed here by polkadot-api's maintained implementation from the metadata the node serves; the
// runtime compares it with the hash it was built with (`metadata-hash` feature of the runtime's
// build), so a transaction signed over the right digest is included and one over any other
// digest fails its signature check.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { merkleizeMetadata } from '@polkadot-api/merkleize-metadata';
import { SS58_PREFIX } from 'seoul-chain-tools/lib/citizens.js';
import { connect, refusal, startNode, submit } from '../lib/node.js';

describe('metadata hash (CheckMetadataHash, RFC-0078)', () => {
  let node;
  let api;
  let alice;
  let merkleized;
  let metadataSize;
  let digest;

  before(async () => {
    node = await startNode(['--dev'], { name: 'metadata-hash' });
    api = await connect(node);
    alice = new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX }).addFromUri('//Alice');
    // The metadata a hardware wallet's companion fetches: version 15, the one the runtime's
    // build hashed, with the chain's token as the runtime declared it.
    const metadata = await api.call.metadata.metadataAtVersion(15);
    const { tokenDecimals, tokenSymbol } = api.registry.getChainProperties();
    metadataSize = metadata.unwrap().length;
    merkleized = merkleizeMetadata(metadata.unwrap().toU8a(true), {
      decimals: tokenDecimals.unwrap()[0].toNumber(),
      tokenSymbol: tokenSymbol.unwrap()[0].toString(),
    });
    digest = u8aToHex(merkleized.digest());
  });

  after(async () => {
    await api?.disconnect();
    await node?.stop();
  });

  test('a transaction signed over the metadata digest in mode 1 is included', async () => {
    const { blockHash, events } = await submit(api.tx.system.remark('signed on a hardware wallet'), alice, {
      mode: 1,
      metadataHash: digest,
    });
    assert.ok(events.some((event) => api.events.system.ExtrinsicSuccess.is(event)));
    // The block holds it with mode 1 in its extensions.
    const { block } = await api.rpc.chain.getBlock(blockHash);
    const remark = block.extrinsics.find((xt) => xt.method.section === 'system' && xt.method.method === 'remark');
    assert.equal(remark.mode.toNumber(), 1);
    // What the companion app sends the device with it: the proof of the types that decode this
    // transaction, so the device shows the call it signs without the whole metadata.
    const proof = merkleized.getProofForExtrinsic(remark.toHex());
    assert.ok(proof.length > 0 && proof.length < metadataSize / 4, `a proof of ${proof.length} bytes`);
  });

  test('a transaction signed over any other digest is refused before it reaches a block', async () => {
    const wrong = `0x${'ab'.repeat(32)}`;
    assert.notEqual(wrong, digest);
    const message = await refusal(api, api.tx.system.remark('a wallet shown other metadata'), alice, {
      mode: 1,
      metadataHash: wrong,
    });
    // The digest is in what was signed: the runtime's own hash makes the signature not match.
    assert.match(message, /Invalid Transaction: Transaction has a bad signature/);
  });
});
