#!/usr/bin/env bash
# Runs `npm run develop` on a fresh SQLite database, as a newcomer would after `npm install`, and
# checks that the admin panel is served, the development accounts work and the demo data is there.
# Stops the server afterwards. Used by .ci/run; safe to run by hand.
set -euo pipefail
cd "$(dirname "$0")/.."

port=${CHECK_PORT:-1338}
db=".tmp/check-develop-$$.db"
log=".tmp/check-develop-$$.log"
mkdir -p .tmp
export DATABASE_CLIENT=sqlite DATABASE_FILENAME="$db" PORT="$port" STRAPI_TELEMETRY_DISABLED=true BROWSER=none
setsid npm run develop -- --no-watch-admin >"$log" 2>&1 &
pid=$!
cleanup() { kill -- -"$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -f "$db" "$db"-*; }
trap cleanup EXIT

for _ in $(seq 1 240); do
  curl -fsS "http://127.0.0.1:$port/_health" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { cat "$log"; echo "npm run develop exited"; exit 1; }
  sleep 1
done
curl -fsS "http://127.0.0.1:$port/_health" >/dev/null || { tail -50 "$log"; echo "not up after 240 s"; exit 1; }

password=$(grep '^DEMO_PASSWORD=' .env | cut -d= -f2-)
grep -q "password for all: $password" "$log" || { echo "development password not printed at startup"; exit 1; }
curl -fsS "http://127.0.0.1:$port/admin" | grep -qi '<div id="strapi"' || { echo "admin panel not served"; exit 1; }

node - "$port" "$password" <<'NODE'
const [port, password] = process.argv.slice(2);
const base = `http://127.0.0.1:${port}`;
(async () => {
  const login = await fetch(`${base}/api/auth/local`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identifier: 'cs-specialist@demo.local', password }),
  });
  if (!login.ok) throw new Error(`REST login failed: ${login.status}`);
  const { jwt } = await login.json();
  const count = async (type) => {
    const res = await fetch(`${base}/api/${type}?pagination[pageSize]=1`, { headers: { authorization: `Bearer ${jwt}` } });
    if (!res.ok) throw new Error(`${type}: ${res.status}`);
    return (await res.json()).meta.pagination.total;
  };
  const counts = { customers: await count('customers'), products: await count('products'), orders: await count('orders'), inquiries: await count('inquiries') };
  console.log('demo data:', counts);
  if (counts.customers < 50 || counts.products < 100 || counts.orders < 1000 || counts.inquiries < 1) throw new Error('demo data missing');
  // The README's 24 contracts, two in every state of the review workflow, with the seal log.
  const supervisorLogin = await fetch(`${base}/api/auth/local`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identifier: 'cs-supervisor@demo.local', password }),
  });
  if (!supervisorLogin.ok) throw new Error(`REST login failed: ${supervisorLogin.status}`);
  const supervisor = { authorization: `Bearer ${(await supervisorLogin.json()).jwt}` };
  const contracts = await (await fetch(`${base}/api/contracts?fields[0]=state&pagination[pageSize]=100`, { headers: supervisor })).json();
  const perState = {};
  for (const contract of contracts.data ?? []) perState[contract.state] = (perState[contract.state] ?? 0) + 1;
  const states = ['draft', 'in_review', 'changes_requested', 'termination_proposed', 'approved', 'replied', 'sealed', 'active', 'completed', 'terminated', 'cancelled', 'superseded'];
  console.log('demo contracts:', perState);
  if (contracts.meta?.pagination?.total !== 24 || states.some((state) => perState[state] !== 2)) throw new Error('demo contracts: expected 24, two in every state');
  const seals = await (await fetch(`${base}/api/seal-uses?pagination[pageSize]=1`, { headers: supervisor })).json();
  if (seals.meta?.pagination?.total !== 6) throw new Error(`seal log: expected 6 uses, got ${seals.meta?.pagination?.total}`);
  const admin = await fetch(`${base}/admin/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.local', password }),
  });
  if (!admin.ok) throw new Error(`admin login failed: ${admin.status}`);
  console.log('admin login: ok');
})().catch((error) => { console.error(error.message); process.exit(1); });
NODE
echo "npm run develop: admin panel up with demo data"
