#!/usr/bin/env bash
# Renders the cloud-init user-data that configures and starts the guestbench agent on an instance
# of the baked AMIs (deploy/packer). One user-data serves both twins of an experiment: the agent
# detects PV or HVM itself. Needs bash and python3 with PyYAML (Debian: python3-yaml, which
# cloud-init itself needs).
set -euo pipefail

HERE=$(cd -- "$(dirname -- "$(readlink -f -- "${BASH_SOURCE[0]}")")" && pwd)
readonly HERE ME=render-user-data.sh
readonly EC2_USER_DATA_MAX=16384

usage() {
  cat <<EOF
usage: $ME --collector HOST:PORT --experiment NAME
          (--token-file FILE | --tls-cert FILE --tls-key FILE) [--tls-ca FILE]
          [--tls-server-name NAME] [--plan FILE] [--label KEY=VALUE]... [--output FILE]

Writes #cloud-config user-data (to stdout, or FILE) that, on first boot of a guestbench AMI:
writes /etc/guestbench/agent.yaml (the plan, with the collector, the experiment label and the
credentials set), the token (/etc/guestbench/agent.token) or the client certificate and key
(/etc/guestbench/tls/), checks the config as the service's user with
'guestbench-agent validate' and only then runs 'systemctl enable --now guestbench-agent'.

  --collector HOST:PORT  the collector's gRPC address, e.g. collector.internal:7070
  --experiment NAME      the experiment label: agents with the same one are compared and paired
  --token-file FILE      a bearer token (one line) the collector accepts
  --tls-cert FILE        this agent's client certificate (PEM) for mutual TLS, with --tls-key
  --tls-key FILE         its private key (unencrypted PKCS#8 PEM)
  --tls-ca FILE          the CA that signed the collector's certificate (default: the system's
                         trust store)
  --tls-server-name NAME the name in the collector's certificate, when not the address's host
  --plan FILE            the agent config to start from (default: deploy/plans/pv-vs-hvm.agent.yaml)
  --label KEY=VALUE      a further agent label (repeatable); not virt_type: the agent detects it
  --output FILE          write there (mode 0600) instead of stdout

Problems are printed one per line; exit codes: 0 written, 2 bad input (nothing written).
EOF
}

problems=()
problem() { problems+=("$ME: $1"); }
die_usage() {
  echo "$ME: $1 (see $ME --help)" >&2
  exit 2
}

collector="" experiment="" token="" cert="" key="" ca="" server_name="" output=""
plan="$HERE/../plans/pv-vs-hvm.agent.yaml"
labels=()
while (($#)); do
  case $1 in
    -h | --help) usage; exit 0 ;;
    --collector | --experiment | --token-file | --tls-cert | --tls-key | --tls-ca | \
      --tls-server-name | --plan | --label | --output)
      (($# >= 2)) || die_usage "$1 needs a value"
      case $1 in
        --collector) collector=$2 ;;
        --experiment) experiment=$2 ;;
        --token-file) token=$2 ;;
        --tls-cert) cert=$2 ;;
        --tls-key) key=$2 ;;
        --tls-ca) ca=$2 ;;
        --tls-server-name) server_name=$2 ;;
        --plan) plan=$2 ;;
        --label) labels+=("$2") ;;
        --output) output=$2 ;;
      esac
      shift 2 ;;
    *) die_usage "unknown argument '$1'" ;;
  esac
done

readable() { # flag file what: records a problem unless FILE is a readable regular file
  if [[ ! -e $2 ]]; then
    problem "$1 $2: no such file (expected: $3)"
  elif [[ ! -f $2 ]]; then
    problem "$1 $2: not a regular file (expected: $3)"
  elif [[ ! -r $2 ]]; then
    problem "$1 $2: cannot read it, permission denied (expected: $3)"
  else
    return 0
  fi
  return 1
}

if [[ -z $collector ]]; then
  problem "--collector: missing (expected: HOST:PORT of the collector's gRPC port, e.g. collector.internal:7070)"
elif ! [[ $collector =~ ^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+):([0-9]{1,5})$ ]] ||
  ((10#${BASH_REMATCH[2]} < 1 || 10#${BASH_REMATCH[2]} > 65535)); then
  problem "--collector: '$collector' (expected: HOST:PORT, e.g. collector.internal:7070 or [fd00::5]:7070)"
fi
if [[ -z $experiment ]]; then
  problem "--experiment: missing (expected: the experiment's name, e.g. pv-vs-hvm-m3)"
elif ((${#experiment} > 128)) || ! [[ $experiment =~ ^[[:print:]]+$ ]]; then
  problem "--experiment: '$experiment' (expected: 1-128 printable characters)"
fi

if [[ -n $token && -n $cert$key ]]; then
  problem "--token-file and --tls-cert/--tls-key: both given (expected: one way for the agent to prove who it is)"
elif [[ -z $token && -z $cert$key ]]; then
  problem "--token-file or --tls-cert with --tls-key: missing (expected: a token the collector accepts, or a client certificate for mutual TLS)"
fi
if [[ -n $token ]] && readable --token-file "$token" "a readable file holding the token"; then
  token_text=$(<"$token")
  token_text=${token_text#"${token_text%%[![:space:]]*}"}
  token_text=${token_text%"${token_text##*[![:space:]]}"}
  if ! [[ $token_text =~ ^[!-~]+$ ]]; then
    problem "--token-file $token: not a token (expected: one line of printable ASCII without spaces)"
  fi
fi
if [[ -n $cert$key && ( -z $cert || -z $key ) ]]; then
  problem "$([[ -z $cert ]] && echo --tls-cert || echo --tls-key): missing (expected: --tls-cert and --tls-key together)"
fi
if [[ -n $cert ]] && readable --tls-cert "$cert" "the agent's client certificate, PEM"; then
  grep -q -- '-----BEGIN CERTIFICATE-----' "$cert" ||
    problem "--tls-cert $cert: no PEM certificate in it (expected: -----BEGIN CERTIFICATE-----)"
fi
if [[ -n $key ]] && readable --tls-key "$key" "the client certificate's private key, PKCS#8 PEM"; then
  if grep -q -- '-----BEGIN ENCRYPTED PRIVATE KEY-----' "$key"; then
    problem "--tls-key $key: an encrypted key (expected: an unencrypted PKCS#8 key: openssl pkcs8 -topk8 -nocrypt -in KEY)"
  elif ! grep -q -- '-----BEGIN PRIVATE KEY-----' "$key"; then
    problem "--tls-key $key: not a PKCS#8 PEM key (expected: -----BEGIN PRIVATE KEY-----; convert with openssl pkcs8 -topk8 -nocrypt -in KEY)"
  fi
fi
if [[ -n $ca ]] && readable --tls-ca "$ca" "the CA certificate that signed the collector's, PEM"; then
  grep -q -- '-----BEGIN CERTIFICATE-----' "$ca" ||
    problem "--tls-ca $ca: no PEM certificate in it (expected: -----BEGIN CERTIFICATE-----)"
fi
if [[ -n $server_name ]] && ! [[ $server_name =~ ^[A-Za-z0-9.*_-]+$ ]]; then
  problem "--tls-server-name: '$server_name' (expected: a DNS name)"
fi
for label in ${labels[@]+"${labels[@]}"}; do
  if ! [[ $label =~ ^([a-z][a-z0-9_]{0,63})=([[:print:]]{1,128})$ ]]; then
    problem "--label '$label' (expected: KEY=VALUE, KEY matching [a-z][a-z0-9_]{0,63}, VALUE 1-128 printable characters)"
  elif [[ ${BASH_REMATCH[1]} == experiment ]]; then
    problem "--label experiment: use --experiment"
  elif [[ ${BASH_REMATCH[1]} == virt_type ]]; then
    problem "--label virt_type: the agent detects the virtualization type; declared in user-data both twins would carry one value"
  fi
done
readable --plan "$plan" "an agent config with a plan, e.g. deploy/plans/pv-vs-hvm.agent.yaml" || true
if ! python3 -c 'import yaml' 2>/dev/null; then
  problem "python3 with PyYAML is needed (Debian: apt-get install python3-yaml)"
fi

if ((${#problems[@]})); then
  printf '%s\n' "${problems[@]}" >&2
  exit 2
fi

rendered=$(
  RU_COLLECTOR=$collector RU_EXPERIMENT=$experiment RU_TOKEN=$token RU_CERT=$cert RU_KEY=$key \
    RU_CA=$ca RU_SERVER_NAME=$server_name RU_PLAN=$plan RU_MAX=$EC2_USER_DATA_MAX \
    python3 "$HERE/render_user_data.py" ${labels[@]+"${labels[@]}"}
) || exit 2

if [[ -n $output ]]; then
  (umask 077 && printf '%s\n' "$rendered" >"$output")
else
  printf '%s\n' "$rendered"
fi
