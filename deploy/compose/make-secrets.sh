#!/usr/bin/env bash
# Makes the secrets docker-compose.yml reads, in ./secrets beside it (ignored by git), unless they
# exist: an RSA key pair for tokens (the gateway and the services verify with the public key; the
# private key stays with whoever issues tokens), the key intake-service seals query codes with (32 random
# bytes in Base64; never replaced: codes sealed with it would no longer open), a random Grafana admin
# password, and an EMPTY file for the console's OpenID Connect client secret, which only the office's
# identity provider can give: the office puts it there (compose needs the file to exist; the console
# cannot sign anyone in without it).
set -euo pipefail
dir=${1:-$(cd "$(dirname "$0")/../.." && pwd)/secrets}
mkdir -p "$dir"
chmod 700 "$dir"
if [[ ! -f $dir/jwt-private.pem ]]; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/jwt-private.pem" 2>/dev/null
  openssl pkey -in "$dir/jwt-private.pem" -pubout -out "$dir/jwt-public.pem"
  echo "made $dir/jwt-private.pem and jwt-public.pem"
fi
if [[ ! -f $dir/query-code-key ]]; then
  (umask 077 && openssl rand -base64 32 >"$dir/query-code-key")
  echo "made $dir/query-code-key"
fi
if [[ ! -f $dir/grafana-admin-password ]]; then
  (umask 077 && openssl rand -base64 24 | tr -d '\n' >"$dir/grafana-admin-password")
  echo "made $dir/grafana-admin-password"
fi
if [[ ! -f $dir/oidc-client-secret ]]; then
  : >"$dir/oidc-client-secret"
  echo "made $dir/oidc-client-secret EMPTY: put the console's client secret from the office's identity provider there"
elif [[ ! -s $dir/oidc-client-secret ]]; then
  echo "$dir/oidc-client-secret is still empty: put the console's client secret from the office's identity provider there"
fi
chmod 600 "$dir/jwt-private.pem" "$dir/grafana-admin-password"
chmod 644 "$dir/jwt-public.pem"
# compose mounts the file as it is and the console and intake-service run as uid 10001: readable by all,
# kept private by the directory (700)
chmod 644 "$dir/oidc-client-secret" "$dir/query-code-key"
