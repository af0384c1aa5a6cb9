#!/usr/bin/env bash
# Makes the secret files docker-compose.yml reads, in ./secrets beside it (ignored by git), each only if it
# does not exist yet (run it again after an upgrade: it adds what is new and changes nothing else):
#  - the key intake-service seals query codes with (query-code-key: 32 random bytes in Base64; never
#    replaced: codes sealed with it would no longer open);
#  - the field keysets of intake-service (the petitioner's identity) and notification-service (webhook
#    secrets), one each (<service>-field-keys.json: a Tink keyset in JSON made by deploy/make-field-keyset.sh;
#    never replaced: rotated, see ADR 0011);
#  - random passwords: Grafana's admin; MongoDB's root and one per service (mongo-<service>-password) and the
#    replica set's key file; Kafka's admin (kafka-admin-password, with the broker's JAAS file and the admin
#    tools' client settings made from it) and one per service (kafka-<service>-password);
#  - EMPTY files only the office can fill: the identity provider's public key for tokens (jwt-public.pem; or
#    set DUBAN_JWT_JWK_SET_URI and leave it empty), the console's OpenID Connect client secret, and the
#    gateway's TLS certificate chain and key for the host users reach (gateway-tls-cert.pem,
#    gateway-tls-key.pem; PEM). Compose needs the files to exist.
# No token signing key is made: tokens are the identity provider's to sign.
#
# With --trial it makes, in ./secrets/trial, what the trial overlay (deploy/compose/dev-tokens.yml) uses
# instead: its own token key pair (the gateway signs dev tokens with issuer duban-local) and a self-signed
# TLS certificate for localhost and this host (DUBAN_TLS_HOSTS: more names, comma-separated).
set -euo pipefail
trial=false
if [[ ${1:-} == --trial ]]; then
  trial=true
  shift
fi
dir=${1:-$(cd "$(dirname "$0")/../.." && pwd)/secrets}
readonly SERVICES=(intake-service supervision-service notification-service reporting-service)
mkdir -p "$dir"
chmod 700 "$dir"

# A random secret of letters and digits only: safe in a MongoDB URI and in a JAAS configuration.
random_file() {
  local file=$1
  [[ -f $file ]] && return 0
  (umask 077 && openssl rand -hex 24 | tr -d '\n' >"$file")
  echo "made $file"
}

self_signed() {
  local certificate=$1 key=$2 names san name
  [[ -f $certificate && -f $key ]] && return 0
  names="localhost,$(hostname -f 2>/dev/null || hostname)${DUBAN_TLS_HOSTS:+,$DUBAN_TLS_HOSTS}"
  san="IP:127.0.0.1"
  for name in ${names//,/ }; do san+=",DNS:$name"; done
  (umask 077 && openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj "/CN=${names%%,*}" \
    -addext "subjectAltName=$san" -keyout "$key" -out "$certificate" 2>/dev/null)
  echo "made $certificate and its key: self-signed for $names (browsers will warn), valid 365 days"
}

if $trial; then
  mkdir -p "$dir/trial"
  chmod 700 "$dir/trial"
  if [[ ! -f $dir/trial/jwt-private.pem ]]; then
    (umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/trial/jwt-private.pem" 2>/dev/null)
    openssl pkey -in "$dir/trial/jwt-private.pem" -pubout -out "$dir/trial/jwt-public.pem"
    echo "made $dir/trial/jwt-private.pem and jwt-public.pem (the trial overlay's own key pair)"
  fi
  self_signed "$dir/trial/gateway-tls-cert.pem" "$dir/trial/gateway-tls-key.pem"
  # compose mounts the files as they are and the gateway runs as uid 10001: readable by all, kept
  # private by the directories (700)
  find "$dir/trial" -maxdepth 1 -type f -exec chmod 644 {} +
  exit 0
fi

if [[ ! -f $dir/query-code-key ]]; then
  (umask 077 && openssl rand -base64 32 >"$dir/query-code-key")
  echo "made $dir/query-code-key"
fi
for service in intake-service notification-service; do
  if [[ ! -f $dir/$service-field-keys.json ]]; then
    "$(dirname "$0")/../make-field-keyset.sh" "$dir/$service-field-keys.json"
    echo "made $dir/$service-field-keys.json"
  fi
done
random_file "$dir/grafana-admin-password"

# MongoDB: the root user (made by the mongo image on an empty data directory; mongo-init uses it), one user
# per service with readWrite on its own database, and the key the replica set's members share
random_file "$dir/mongo-root-password"
for service in "${SERVICES[@]}"; do random_file "$dir/mongo-$service-password"; done
if [[ ! -f $dir/mongo-keyfile ]]; then
  (umask 077 && openssl rand -base64 756 >"$dir/mongo-keyfile")
  echo "made $dir/mongo-keyfile"
fi

# Kafka: the admin (the broker itself and kafka-init; SASL/PLAIN, a super user) and one SCRAM-SHA-512 user
# per service, whose ACLs kafka-init sets (kafka-access.txt)
random_file "$dir/kafka-admin-password"
for service in "${SERVICES[@]}"; do random_file "$dir/kafka-$service-password"; done
admin_password=$(<"$dir/kafka-admin-password")
if [[ ! -f $dir/kafka-server-jaas.conf ]]; then
  (umask 077 && cat >"$dir/kafka-server-jaas.conf" <<EOF
KafkaServer {
  org.apache.kafka.common.security.plain.PlainLoginModule required
    username="admin"
    password="$admin_password"
    user_admin="$admin_password";
  org.apache.kafka.common.security.scram.ScramLoginModule required;
};
EOF
  )
  echo "made $dir/kafka-server-jaas.conf"
fi
if [[ ! -f $dir/kafka-admin-client.properties ]]; then
  (umask 077 && cat >"$dir/kafka-admin-client.properties" <<EOF
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="$admin_password";
EOF
  )
  echo "made $dir/kafka-admin-client.properties"
fi

for file in jwt-public.pem oidc-client-secret gateway-tls-cert.pem gateway-tls-key.pem; do
  if [[ ! -f $dir/$file ]]; then
    : >"$dir/$file"
    case $file in
      jwt-public.pem) what="put the identity provider's token public key (PEM) there, or set DUBAN_JWT_JWK_SET_URI" ;;
      oidc-client-secret) what="put the console's client secret from the office's identity provider there" ;;
      *) what="put the gateway's TLS certificate chain and its key (PEM) for the host users reach there" ;;
    esac
    echo "made $dir/$file EMPTY: $what"
  elif [[ ! -s $dir/$file && $file != jwt-public.pem ]]; then
    echo "$dir/$file is still empty: the office fills it (see README \"Deploy\")"
  fi
done
# compose mounts the files as they are and each container reads them as its own user (10001 for Duban's
# applications, others for Kafka and MongoDB): readable by all, kept private by the directory (700)
find "$dir" -maxdepth 1 -type f -exec chmod 644 {} +
