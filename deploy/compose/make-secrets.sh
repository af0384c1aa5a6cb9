#!/usr/bin/env bash
# Makes the secret files docker-compose.yml reads, in ./secrets beside it (ignored by git), unless they
# exist: the key intake-service seals query codes with (32 random bytes in Base64; never replaced:
# codes sealed with it would no longer open), a random Grafana admin password, and two EMPTY files only the office's identity provider can
# fill: its public key for tokens (jwt-public.pem; or set DUBAN_JWT_JWK_SET_URI and leave it empty) and
# the console's OpenID Connect client secret (compose needs the files to exist). No private key is made:
# tokens are the identity provider's to sign.
#
# With --trial it makes, in ./secrets/trial, the key pair of the trial overlay
# (deploy/compose/dev-tokens.yml), whose gateway signs dev tokens with issuer duban-local.
set -euo pipefail
trial=false
if [[ ${1:-} == --trial ]]; then
  trial=true
  shift
fi
dir=${1:-$(cd "$(dirname "$0")/../.." && pwd)/secrets}
mkdir -p "$dir"
chmod 700 "$dir"

if $trial; then
  mkdir -p "$dir/trial"
  chmod 700 "$dir/trial"
  if [[ ! -f $dir/trial/jwt-private.pem ]]; then
    (umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/trial/jwt-private.pem" 2>/dev/null)
    openssl pkey -in "$dir/trial/jwt-private.pem" -pubout -out "$dir/trial/jwt-public.pem"
    echo "made $dir/trial/jwt-private.pem and jwt-public.pem (the trial overlay's own key pair)"
  fi
  # compose mounts the files as they are and the gateway runs as uid 10001: readable by all, kept
  # private by the directories (700)
  chmod 644 "$dir/trial/jwt-private.pem" "$dir/trial/jwt-public.pem"
  exit 0
fi

if [[ ! -f $dir/query-code-key ]]; then
  (umask 077 && openssl rand -base64 32 >"$dir/query-code-key")
  echo "made $dir/query-code-key"
fi
if [[ ! -f $dir/grafana-admin-password ]]; then
  (umask 077 && openssl rand -base64 24 | tr -d '\n' >"$dir/grafana-admin-password")
  echo "made $dir/grafana-admin-password"
fi
for file in jwt-public.pem oidc-client-secret; do
  if [[ ! -f $dir/$file ]]; then
    : >"$dir/$file"
    echo "made $dir/$file EMPTY: $( [[ $file == jwt-public.pem ]] \
      && echo "put the identity provider's token public key (PEM) there, or set DUBAN_JWT_JWK_SET_URI" \
      || echo "put the console's client secret from the office's identity provider there")"
  elif [[ ! -s $dir/$file && $file == oidc-client-secret ]]; then
    echo "$dir/$file is still empty: put the console's client secret from the office's identity provider there"
  fi
done
chmod 600 "$dir/grafana-admin-password"
# compose mounts the files as they are and the apps run as uid 10001: readable by all, kept private by
# the directory (700)
chmod 644 "$dir/jwt-public.pem" "$dir/oidc-client-secret" "$dir/query-code-key"
