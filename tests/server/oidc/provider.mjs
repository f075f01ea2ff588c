// The OpenID Provider of the OIDC tests: the real `oidc-provider` package (tools/package.json,
// installed by scripts/install-deps.sh with `npm ci`) on loopback, with its signing key made at
// start and the clients and accounts the test posts. Deterministic on purpose: the login page is
// one form (account id) and consent is granted with the login, so the test drives the browser leg
// over plain HTTP.
//
//   node provider.mjs            prints "listening on http://127.0.0.1:<port>" once it serves
//
// Test controls (loopback only, never part of a real provider):
//   POST /__test/configure  {"clients": [...], "accounts": {"id": {"claims": {...}, "acr": "..."}},
//                            "idTokenClaims": false}   (re)builds the provider with them
//   POST /__test/rotate     a new signing key (new kid) replaces the old one: JWKS rotation
//   POST /__test/mode       {"mode": "normal" | "wrong-nonce" | "expired" | "other-key" |
//                           "other-audience" | "other-issuer"}: the
//                           interposed step that rewrites the ID token of the token response, for
//                           the cases the real provider never produces
//   GET  /__test/client-key a fresh RSA key pair (JWK) for private_key_jwt
//   GET  /__test/stats      {"userinfo": <requests to the userinfo endpoint so far>}
import crypto from 'node:crypto';
import http from 'node:http';

// tools/node_modules is not on this file's module path: import the package by its location.
const { default: Provider } = await import(
  new URL('../../../tools/node_modules/oidc-provider/lib/index.js', import.meta.url));

const FISCAL = 'https://attributes.eid.gov.it/fiscal_number';

function newKey() {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' });
  jwk.kid = crypto.randomBytes(8).toString('hex');
  jwk.use = 'sig';
  jwk.alg = 'RS256';
  return { jwk, keyObject: privateKey };
}

const b64u = (buf) => Buffer.from(buf).toString('base64url');

function signRS256(header, payload, keyObject) {
  const input = `${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(payload))}`;
  return `${input}.${b64u(crypto.sign('RSA-SHA256', Buffer.from(input), keyObject))}`;
}

let signing = newKey();
let settings = { clients: [], accounts: {}, idTokenClaims: false };
let mode = 'normal';
const stats = { userinfo: 0 };
let provider = null;
let issuer = '';

function build() {
  const accounts = settings.accounts;
  provider = new Provider(issuer, {
    clients: settings.clients,
    jwks: { keys: [signing.jwk] },
    cookies: { keys: ['sinfonia-test-cookie-key'] },
    findAccount: async (ctx, id) => {
      if (!accounts[id]) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...accounts[id].claims }) };
    },
    claims: { openid: ['sub'], profile: ['family_name', 'given_name', 'name', FISCAL] },
    conformIdTokenClaims: !settings.idTokenClaims,
    acrValues: ['https://www.spid.gov.it/SpidL1', 'https://www.spid.gov.it/SpidL2', 'https://www.spid.gov.it/SpidL3'],
    pkce: { methods: ['S256'], required: () => true },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.body = `<!DOCTYPE html><html><body>${form}<button form="op.logoutForm" name="logout" value="yes">Esci</button></body></html>`;
        },
      },
    },
    interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
  });
  provider.on('server_error', (ctx, err) => console.error('provider server_error', err));
}

function readBody(req) {
  return new Promise((resolve) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function send(res, status, type, body) {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

async function interaction(req, res, uid, login) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) return send(res, 400, 'text/plain', 'interaction mismatch');
  if (login === undefined && details.prompt.name === 'login') {
    return send(res, 200, 'text/html; charset=utf-8',
      `<!DOCTYPE html><html><body><h1>Test provider</h1><form method="post" action="/interaction/${uid}/login">` +
      '<input name="login"><button type="submit">Entra</button></form></body></html>');
  }
  const accountId = login ?? details.session?.accountId;
  if (!accounts()[accountId]) return send(res, 200, 'text/html; charset=utf-8', '<p>Utente sconosciuto</p>');
  const grant = new provider.Grant({ accountId, clientId: details.params.client_id });
  grant.addOIDCScope(details.params.scope);
  const grantId = await grant.save();
  const result = { consent: { grantId } };
  if (details.prompt.name === 'login' || login !== undefined) {
    result.login = { accountId, acr: accounts()[accountId].acr ?? 'https://www.spid.gov.it/SpidL2' };
  }
  await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
}

const accounts = () => settings.accounts;

// The interposed step: the token response's ID token rewritten and signed again.
function tamper(body) {
  const answer = JSON.parse(body);
  if (!answer.id_token) return body;
  const [h, p] = answer.id_token.split('.');
  const header = JSON.parse(Buffer.from(h, 'base64url'));
  const payload = JSON.parse(Buffer.from(p, 'base64url'));
  let key = signing.keyObject;
  if (mode === 'wrong-nonce') payload.nonce = 'not-the-nonce-of-this-login';
  if (mode === 'expired') {
    const now = Math.floor(Date.now() / 1000);
    payload.iat = now - 7200;
    payload.exp = now - 3600;
  }
  if (mode === 'other-key') key = newKey().keyObject; // same kid, another key
  if (mode === 'other-audience') payload.aud = 'another-relying-party';
  if (mode === 'other-issuer') payload.iss = 'https://not-the-issuer.invalid';
  answer.id_token = signRS256(header, payload, key);
  return JSON.stringify(answer);
}

function withTamperedToken(res) {
  const end = res.end.bind(res);
  res.end = (chunk, ...rest) => {
    if (chunk && res.statusCode === 200) {
      const body = tamper(Buffer.from(chunk).toString('utf8'));
      res.setHeader('Content-Length', Buffer.byteLength(body));
      return end(body);
    }
    return end(chunk, ...rest);
  };
}

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url, issuer);
    if (url.pathname === '/__test/configure' && req.method === 'POST') {
      settings = { ...settings, ...JSON.parse(await readBody(req)) };
      build();
      return send(res, 200, 'application/json', '{}');
    }
    if (url.pathname === '/__test/rotate' && req.method === 'POST') {
      signing = newKey();
      build();
      return send(res, 200, 'application/json', JSON.stringify({ kid: signing.jwk.kid }));
    }
    if (url.pathname === '/__test/mode' && req.method === 'POST') {
      mode = JSON.parse(await readBody(req)).mode;
      return send(res, 200, 'application/json', '{}');
    }
    if (url.pathname === '/__test/stats' && req.method === 'GET') {
      return send(res, 200, 'application/json', JSON.stringify(stats));
    }
    if (url.pathname === '/me') stats.userinfo += 1; // the userinfo endpoint of oidc-provider
    if (url.pathname === '/__test/client-key' && req.method === 'GET') {
      const { jwk } = newKey();
      const { d, p, q, dp, dq, qi, ...pub } = jwk;
      return send(res, 200, 'application/json', JSON.stringify({ private: jwk, public: pub }));
    }
    const m = url.pathname.match(/^\/interaction\/([^/]+)(\/login)?$/);
    if (m && req.method === 'GET' && !m[2]) return await interaction(req, res, m[1], undefined);
    if (m && req.method === 'POST' && m[2]) {
      const login = new URLSearchParams(await readBody(req)).get('login') ?? '';
      return await interaction(req, res, m[1], login);
    }
    if (url.pathname === '/token' && mode !== 'normal') withTamperedToken(res);
    return provider.callback()(req, res);
  } catch (e) {
    console.error('provider harness error', e);
    if (!res.headersSent) send(res, 500, 'text/plain', 'harness error');
  }
});

server.listen(0, '127.0.0.1', () => {
  issuer = `http://127.0.0.1:${server.address().port}`;
  build();
  console.log(`listening on ${issuer}`);
});
