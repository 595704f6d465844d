// JSON-RPC over HTTP to a node on this machine, without @polkadot/api: what a tool needs for a
// single read (e.g. `credentials_verify`), and what the end-to-end tests use for theirs.

/** Calls a JSON-RPC method of the node whose RPC port is `port` on 127.0.0.1, over HTTP. */
export async function rpc(port, method, params = []) {
  const response = await fetch(`http://127.0.0.1:${port}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ id: 1, jsonrpc: '2.0', method, params }),
  });
  return rpcResult(method, await response.json());
}

/** The result of a JSON-RPC answer `body` to `method`, or its error thrown. */
export function rpcResult(method, body) {
  if (body.error) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.result;
}
