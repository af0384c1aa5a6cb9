#!/usr/bin/env bash
# Makes the secrets docker-compose.yml reads, in ./secrets beside it (ignored by git), unless they
# exist: an RSA key pair for tokens (the gateway and the services verify with the public key; the
# private key stays with whoever issues tokens) and a random Grafana admin password.
set -euo pipefail
dir=${1:-$(cd "$(dirname "$0")/../.." && pwd)/secrets}
mkdir -p "$dir"
chmod 700 "$dir"
if [[ ! -f $dir/jwt-private.pem ]]; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/jwt-private.pem" 2>/dev/null
  openssl pkey -in "$dir/jwt-private.pem" -pubout -out "$dir/jwt-public.pem"
  echo "made $dir/jwt-private.pem and jwt-public.pem"
fi
if [[ ! -f $dir/grafana-admin-password ]]; then
  (umask 077 && openssl rand -base64 24 | tr -d '\n' >"$dir/grafana-admin-password")
  echo "made $dir/grafana-admin-password"
fi
chmod 600 "$dir/jwt-private.pem" "$dir/grafana-admin-password"
chmod 644 "$dir/jwt-public.pem"
