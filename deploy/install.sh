#!/usr/bin/env bash
# install.sh: installs a guestbench release (tarball or unpacked directory) under a prefix, creates
# the service user and directories, installs default configs and systemd units. Idempotent: a
# second run changes nothing and says so. Every change is staged first; a failure rolls back what
# this run did, so there is never a half-installed release. Run with --help for the options.
set -Eeuo pipefail
umask 022

readonly DEFAULT_PREFIX=/opt/guestbench DEFAULT_ETC=/etc/guestbench
readonly DEFAULT_STATE=/var/lib/guestbench DEFAULT_UNITS=/etc/systemd/system
readonly DEFAULT_USER=guestbench
readonly PROGRAMS=(agent collector)
readonly REQUIRED=(VERSION install.sh lib/guestbench-agent.jar lib/guestbench-collector.jar
  jvm/agent.options jvm/collector.options bin/guestbench-agent bin/guestbench-collector
  etc/agent.yaml etc/collector.yaml systemd/guestbench-agent.service
  systemd/guestbench-collector.service)
# Unit directories systemd itself reads; units written elsewhere (tests) get no daemon-reload.
readonly SYSTEMD_UNIT_DIRS=" /etc/systemd/system /run/systemd/system /usr/local/lib/systemd/system /usr/lib/systemd/system /lib/systemd/system "

PREFIX=$DEFAULT_PREFIX ETC_DIR=$DEFAULT_ETC STATE_DIR=$DEFAULT_STATE UNIT_DIR=$DEFAULT_UNITS
USER_NAME=$DEFAULT_USER CREATE_USER=1 FORCE=0 SOURCE="" ENABLE=()

usage() {
  cat <<EOF
usage: install.sh [options] [RELEASE]

Installs a guestbench release: RELEASE is guestbench-VERSION.tar.gz or its unpacked directory
(default: the release this script is part of). Installs into PREFIX/VERSION, then points
PREFIX/current at it (an atomic symlink switch); older versions stay for a rollback
(ln -sfn VERSION PREFIX/current). Configs are installed only where none exist; a changed default
lands beside yours as *.yaml.new. Spool and journal data are never touched.

  --prefix DIR     releases (default $DEFAULT_PREFIX)
  --etc-dir DIR    configs and secrets (default $DEFAULT_ETC)
  --state-dir DIR  spool (DIR/agent) and journal (DIR/collector) (default $DEFAULT_STATE)
  --unit-dir DIR   systemd units (default $DEFAULT_UNITS)
  --user NAME      user and group the services run as (default $DEFAULT_USER)
  --no-user        do not create the user (it must exist when the services start)
  --enable NAME    after installing: systemctl enable --now guestbench-NAME (agent or
                   collector; repeatable). Running services are restarted on an upgrade anyway.
  --force          install even an older version than the installed one, or replace a version
                   directory whose content differs
  -h, --help       this text

As root with the defaults, it installs for systemd. As another user, give --prefix, --etc-dir,
--state-dir, --unit-dir and --no-user (a test install). Exit codes: 0 done (or nothing to do),
1 failed (nothing changed), 2 bad usage.
EOF
}

die() { # one line on stderr, exit 1; the EXIT trap rolls back
  echo "install.sh: $1" >&2
  exit 1
}

die_usage() {
  echo "install.sh: $1 (see install.sh --help)" >&2
  exit 2
}

say() { echo "install.sh: $1"; }

# --- arguments -----------------------------------------------------------------------------------

parse_args() {
  local value
  while (($#)); do
    case $1 in
      -h | --help) usage; exit 0 ;;
      --no-user) CREATE_USER=0; shift; continue ;;
      --force) FORCE=1; shift; continue ;;
      --prefix | --etc-dir | --state-dir | --unit-dir | --user | --enable)
        (($# >= 2)) || die_usage "$1 needs a value"
        value=$2
        set -- "$1" "${@:3}" ;;
      --prefix=* | --etc-dir=* | --state-dir=* | --unit-dir=* | --user=* | --enable=*)
        value=${1#*=}
        set -- "${1%%=*}" "${@:2}" ;;
      -*) die_usage "unknown option '$1'" ;;
      *)
        [[ -z $SOURCE ]] || die_usage "one release at a time (got '$SOURCE' and '$1')"
        SOURCE=$1
        shift
        continue ;;
    esac
    [[ -n $value ]] || die_usage "$1 needs a value"
    case $1 in
      --prefix) PREFIX=$value ;;
      --etc-dir) ETC_DIR=$value ;;
      --state-dir) STATE_DIR=$value ;;
      --unit-dir) UNIT_DIR=$value ;;
      --user) USER_NAME=$value ;;
      --enable)
        [[ $value == agent || $value == collector ]] ||
          die_usage "--enable $value: expected agent or collector"
        ENABLE+=("$value") ;;
    esac
    shift
  done
}

check_args() {
  local dir flag
  for dir in PREFIX ETC_DIR STATE_DIR UNIT_DIR; do
    flag=--${dir,,} flag=${flag/_/-}
    [[ ${!dir} == /* ]] || die_usage "$flag '${!dir}' must be an absolute path"
    [[ ${!dir} != *$'\n'* ]] || die_usage "$flag must not contain a newline"
    printf -v "$dir" '%s' "$(realpath -m -- "${!dir}")"
  done
  [[ $USER_NAME =~ ^[a-z_][a-z0-9_-]{0,31}$ ]] || die_usage "--user '$USER_NAME' is not a user name"
  if ((EUID != 0)); then
    local defaults=()
    [[ $PREFIX != "$DEFAULT_PREFIX" ]] || defaults+=(--prefix)
    [[ $ETC_DIR != "$DEFAULT_ETC" ]] || defaults+=(--etc-dir)
    [[ $STATE_DIR != "$DEFAULT_STATE" ]] || defaults+=(--state-dir)
    [[ $UNIT_DIR != "$DEFAULT_UNITS" ]] || defaults+=(--unit-dir)
    ((${#defaults[@]} == 0)) ||
      die "not root: installing into the system directories needs root; as $(id -un) give ${defaults[*]} (a test install)"
    ((CREATE_USER == 0)) ||
      die "not root: cannot create the user '$USER_NAME'; give --no-user (a test install)"
  fi
  if [[ -z $SOURCE ]]; then
    SOURCE=$(dirname -- "$(readlink -f -- "${BASH_SOURCE[0]}")")
    [[ -f $SOURCE/VERSION ]] ||
      die_usage "no release given (expected guestbench-VERSION.tar.gz or its unpacked directory)"
  fi
  [[ -e $SOURCE ]] || die "no such release: $SOURCE"
  [[ -r $SOURCE ]] || die "cannot read the release $SOURCE"
  [[ -d $UNIT_DIR ]] || die "no unit directory $UNIT_DIR"
  if ((${#ENABLE[@]})) && ! systemd_reads_units; then
    die "--enable needs a running systemd reading $UNIT_DIR (systemd is $(systemd_state))"
  fi
}

systemd_running() { [[ -d /run/systemd/system ]] && command -v systemctl >/dev/null; }

systemd_reads_units() { systemd_running && ((EUID == 0)) && [[ $SYSTEMD_UNIT_DIRS == *" $UNIT_DIR "* ]]; }

systemd_state() {
  if systemd_running; then echo "running, but $UNIT_DIR is not one of its unit directories"; else echo "not running here"; fi
}

# --- rollback: every change goes through these, so a failure can undo it -------------------------

STAGE="" COMMITTED=0 CHANGES=0 UNDO=()

cleanup() {
  local status=$? i
  if ((status != 0 && COMMITTED == 0 && ${#UNDO[@]})); then
    for ((i = ${#UNDO[@]} - 1; i >= 0; i--)); do eval "${UNDO[i]}" || true; done
    echo "install.sh: rolled back; nothing changed" >&2
  fi
  [[ -z $STAGE ]] || rm -rf -- "$STAGE"
  exit "$status"
}

undo() { # shell words to run on failure, in reverse order
  UNDO+=("$(printf '%q ' "$@")")
}

put_file() { # source target mode [root|service]: replaces target atomically (temp file + rename)
  local tmp backup
  if [[ -e $2 ]]; then
    backup=$STAGE/backup/$((${#UNDO[@]}))
    mkdir -p "$STAGE/backup"
    cp -p -- "$2" "$backup" 2>/dev/null || die "cannot replace $2 (not a regular file?)"
    undo mv -f -- "$backup" "$2"
  else
    undo rm -f -- "$2"
  fi
  tmp=$(mktemp "$(dirname -- "$2")/.${2##*/}.XXXXXX") || die "cannot write in $(dirname -- "$2")"
  undo rm -f -- "$tmp"
  { cat -- "$1" >"$tmp" && chmod "$3" "$tmp"; } || die "cannot write $2"
  [[ ${4:-service} == root ]] || owned_by_service_group "$tmp"
  mv -f -T -- "$tmp" "$2" || die "cannot write $2"
  CHANGES=$((CHANGES + 1))
}

make_dir() { # dir mode owner(root|service): creates it if missing
  [[ -d $1 ]] && return
  [[ ! -e $1 ]] || die "$1 exists and is not a directory"
  local parent=$1
  while [[ ! -e $parent ]]; do parent=$(dirname -- "$parent"); done
  mkdir -p -m "$2" -- "$1" || die "cannot create $1"
  undo rm -rf -- "$1" # only what did not exist before (and held nothing of the user's)
  [[ $parent == "$(dirname -- "$1")" ]] || undo rm -rf -- "$(first_missing_below "$parent" "$1")"
  if [[ $3 == service ]] && ((EUID == 0)) && id "$USER_NAME" >/dev/null 2>&1; then
    chown "$USER_NAME:$(service_group)" "$1"
  else
    owned_by_service_group "$1"
  fi
  say "created $1"
  CHANGES=$((CHANGES + 1))
}

first_missing_below() { # existing-ancestor dir → the first component below it (created by us)
  local rest=${2#"$1"/}
  echo "$1/${rest%%/*}"
}

service_group() { id -gn "$USER_NAME" 2>/dev/null || echo "$USER_NAME"; }

owned_by_service_group() { # root:<service group> when root and the user exists (secrets readable)
  if ((EUID == 0)) && id "$USER_NAME" >/dev/null 2>&1; then chown "root:$(service_group)" "$1"; fi
}

# --- the release -----------------------------------------------------------------------------------

REL="" VERSION="" CURRENT=""

stage_release() {
  local err=$STAGE/tar.err entries
  if [[ -d $SOURCE ]]; then
    cp -R --preserve=mode,timestamps -- "$SOURCE/." "$STAGE/release" 2>"$err" ||
      die "cannot copy the release $SOURCE: $(head -n 1 "$err")"
    REL=$STAGE/release
  else
    mkdir "$STAGE/unpacked"
    tar -xzf "$SOURCE" -C "$STAGE/unpacked" --no-same-owner 2>"$err" ||
      die "cannot unpack $SOURCE: not a complete release tarball ($(first_error "$err"))"
    entries=("$STAGE"/unpacked/*)
    [[ ${#entries[@]} == 1 && -d ${entries[0]} && ${entries[0]##*/} == guestbench-* ]] ||
      die "$SOURCE is not a guestbench release (expected one top directory guestbench-VERSION/)"
    REL=${entries[0]}
  fi
  check_release
  chmod -R u=rwX,go=rX -- "$REL"
  chmod 0755 -- "$REL/install.sh" "$REL"/bin/*
}

first_error() { # tar's stderr → its first telling line
  grep -v -e '^$' -e '^tar: Child returned' -e '^tar: Error is not recoverable' -- "$1" | head -n 1
  true # all filtered: an empty reason rather than a failure
}

check_release() {
  local f missing=()
  for f in "${REQUIRED[@]}"; do [[ -f $REL/$f ]] || missing+=("$f"); done
  ((${#missing[@]} == 0)) || die "$SOURCE is not a complete guestbench release (missing ${missing[*]})"
  VERSION=$(head -c 100 "$REL/VERSION" | tr -d '[:space:]')
  [[ $VERSION =~ ^[0-9]+(\.[0-9]+)*([-+][0-9A-Za-z.-]+)?$ ]] ||
    die "$SOURCE: VERSION '$VERSION' is not a version"
  if [[ -f $SOURCE && ${REL##*/} != "guestbench-$VERSION" ]]; then
    die "$SOURCE: top directory ${REL##*/} does not match VERSION $VERSION"
  fi
  for f in "$REL"/lib/*.jar; do # a zip ends with its end-of-central-directory record
    [[ $(tail -c 22 -- "$f" | head -c 4 | od -An -tx1 | tr -d ' \n') == 504b0506 ]] ||
      die "$SOURCE: ${f#"$REL"/} is damaged (truncated jar)"
  done
}

installed_version() {
  local link=$PREFIX/current target
  if [[ -L $link ]]; then
    target=$(readlink -- "$link")
    CURRENT=${target##*/}
    [[ -d $PREFIX/$CURRENT ]] || { say "warning: $link points at a missing $target"; CURRENT=""; }
  elif [[ -e $link ]]; then
    die "$link is not a symlink; move it away first"
  fi
}

version_cmp() { # a b → -1, 0 or 1; a pre-release (1.0.0-rc1, 0.1.0-SNAPSHOT) is older than 1.0.0
  local a_core=${1%%[-+]*} b_core=${2%%[-+]*} a_pre=${1#"${1%%[-+]*}"} b_pre=${2#"${2%%[-+]*}"}
  if [[ $1 == "$2" ]]; then echo 0
  elif [[ $a_core != "$b_core" ]]; then newer "$a_core" "$b_core"
  elif [[ -z $a_pre ]]; then echo 1
  elif [[ -z $b_pre ]]; then echo -1
  else newer "$a_pre" "$b_pre"
  fi
}

newer() { # a b (different) → 1 if a sorts after b by version, else -1
  if [[ $(printf '%s\n%s\n' "$1" "$2" | sort -V | tail -n 1) == "$1" ]]; then echo 1; else echo -1; fi
}

place_release() { # puts the staged release at PREFIX/VERSION, unless the same is already there
  local dest=$PREFIX/$VERSION
  if [[ -n $CURRENT ]] && (($(version_cmp "$VERSION" "$CURRENT") < 0)) && ((FORCE == 0)); then
    die "guestbench $CURRENT is installed and $VERSION is older; refusing to downgrade (pass --force to install it anyway)"
  fi
  if [[ -d $dest ]]; then
    if diff -r -q -- "$REL" "$dest" >/dev/null 2>&1; then
      REL=$dest
      return
    fi
    ((FORCE)) || die "$dest exists with different content (a rebuilt $VERSION?); pass --force to replace it"
    mv -T -- "$dest" "$STAGE/replaced"
    undo mv -T -- "$STAGE/replaced" "$dest"
    say "replacing $dest"
  fi
  mv -T -- "$REL" "$dest" || die "cannot move the release into $dest"
  undo rm -rf -- "$dest"
  REL=$dest
  say "unpacked guestbench $VERSION into $dest"
  CHANGES=$((CHANGES + 1))
  RELEASE_CHANGED=1
}

switch_current() {
  local link=$PREFIX/current tmp
  [[ $CURRENT != "$VERSION" || ! -L $link ]] || return 0
  tmp=$PREFIX/.current.$$
  ln -sfn -- "$VERSION" "$tmp"
  if [[ -n $CURRENT ]]; then
    undo ln -sfn -- "$CURRENT" "$link"
  else
    undo rm -f -- "$link"
  fi
  mv -f -T -- "$tmp" "$link" || die "cannot switch $link"
  say "switched $link -> $VERSION${CURRENT:+ (was $CURRENT, kept in $PREFIX/$CURRENT)}"
  CHANGES=$((CHANGES + 1))
  RELEASE_CHANGED=1
}

# --- user, directories, configs, units -------------------------------------------------------------

ensure_user() {
  ((CREATE_USER)) || return 0
  if id "$USER_NAME" >/dev/null 2>&1; then return; fi
  local nologin
  nologin=$(command -v nologin || echo /usr/sbin/nologin)
  if ! getent group "$USER_NAME" >/dev/null; then
    groupadd --system "$USER_NAME" || die "cannot create the group $USER_NAME"
    undo groupdel "$USER_NAME"
  fi
  useradd --system --gid "$USER_NAME" --home-dir "$STATE_DIR" --no-create-home \
    --shell "$nologin" --comment "guestbench services" "$USER_NAME" ||
    die "cannot create the user $USER_NAME"
  undo userdel "$USER_NAME"
  say "created the system user $USER_NAME"
  CHANGES=$((CHANGES + 1))
}

ensure_dirs() {
  make_dir "$PREFIX" 0755 root
  make_dir "$ETC_DIR" 0750 root
  make_dir "$ETC_DIR/tls" 0750 root
  make_dir "$STATE_DIR" 0755 root
  local program
  for program in "${PROGRAMS[@]}"; do make_dir "$STATE_DIR/$program" 0750 service; done
}

sed_value() { # escapes a replacement for sed's s###
  printf '%s' "$1" | sed -e 's/[\\#&]/\\&/g'
}

render() { # template → stdout: the default paths and user replaced by this install's
  local m=$'\001' default_state=1
  [[ $STATE_DIR == "$DEFAULT_STATE" ]] || default_state=0
  # Two passes through markers, so a prefix that contains another default path stays intact.
  sed -e "s#$DEFAULT_PREFIX#${m}P${m}#g" -e "s#$DEFAULT_ETC#${m}E${m}#g" \
    -e "s#$DEFAULT_STATE#${m}S${m}#g" \
    -e "s#^User=$DEFAULT_USER\$#User=${m}U${m}#" -e "s#^Group=$DEFAULT_USER\$#Group=${m}U${m}#" \
    -e "$( ((default_state)) || echo "s#^StateDirectory=guestbench/#ReadWritePaths=${m}S${m}/#")" \
    -e "$( ((default_state)) || echo '/^StateDirectoryMode=/d')" -- "$1" |
    sed -e "s#${m}P${m}#$(sed_value "$PREFIX")#g" -e "s#${m}E${m}#$(sed_value "$ETC_DIR")#g" \
      -e "s#${m}S${m}#$(sed_value "$STATE_DIR")#g" -e "s#${m}U${m}#$(sed_value "$USER_NAME")#g"
}

install_configs() {
  local program new old target
  mkdir -p "$STAGE/defaults"
  for program in "${PROGRAMS[@]}"; do
    new=$STAGE/defaults/$program.yaml old=$STAGE/defaults/$program.yaml.old
    target=$ETC_DIR/$program.yaml
    render "$REL/etc/$program.yaml" >"$new"
    if [[ ! -e $target ]]; then
      put_file "$new" "$target" 0640
      say "installed the default $target"
    elif cmp -s -- "$new" "$target" || cmp -s -- "$new" "$target.new"; then
      :
    elif [[ -n $CURRENT && -f $PREFIX/$CURRENT/etc/$program.yaml ]] &&
      render "$PREFIX/$CURRENT/etc/$program.yaml" >"$old" && cmp -s -- "$new" "$old"; then
      : # yours differs from a default that did not change: nothing to tell
    else
      put_file "$new" "$target.new" 0640
      say "kept your $target; the new default is beside it: $target.new (diff -u $target $target.new)"
    fi
  done
}

UNITS_CHANGED=0

install_units() {
  local program unit rendered
  for program in "${PROGRAMS[@]}"; do
    unit=guestbench-$program.service
    rendered=$STAGE/$unit
    render "$REL/systemd/$unit" >"$rendered"
    if ! cmp -s -- "$rendered" "$UNIT_DIR/$unit" 2>/dev/null; then
      put_file "$rendered" "$UNIT_DIR/$unit" 0644 root
      say "installed $UNIT_DIR/$unit"
      UNITS_CHANGED=1
    fi
  done
}

RELEASE_CHANGED=0

tell_systemd() { # within the transaction: a failed daemon-reload rolls back
  if ! systemd_reads_units; then
    ((UNITS_CHANGED == 0)) || say "systemd is $(systemd_state): no daemon-reload"
    return
  fi
  ((UNITS_CHANGED == 0)) || systemctl daemon-reload || die "systemctl daemon-reload failed"
}

start_services() { # after the commit: failures are reported, the install stays
  systemd_reads_units || return 0
  local status=0 name
  if ((RELEASE_CHANGED)); then
    systemctl try-restart guestbench-agent.service guestbench-collector.service || status=1
  fi
  for name in ${ENABLE[@]+"${ENABLE[@]}"}; do # bash 4.2 calls an empty array unbound
    if systemctl enable --now "guestbench-$name.service"; then
      say "enabled and started guestbench-$name"
    else
      status=1
    fi
  done
  ((status == 0)) || die "installed guestbench $VERSION, but systemctl failed (see above)"
}

main() {
  parse_args "$@"
  check_args
  mkdir -p -- "$PREFIX" 2>/dev/null || die "cannot create $PREFIX"
  exec 9>>"$PREFIX/.install.lock" || die "cannot write in $PREFIX"
  flock -n 9 || die "another install.sh is running on $PREFIX"
  # Holding the lock, any staging left here is from a run that was killed (SIGKILL, power loss).
  rm -rf -- "$PREFIX"/.install.*/ "$PREFIX"/.current.*
  STAGE=$(mktemp -d "$PREFIX/.install.XXXXXX") # same file system: the final moves are renames
  trap cleanup EXIT
  trap 'exit 130' INT TERM
  trap 'echo "install.sh: failed: $BASH_COMMAND (line $LINENO)" >&2' ERR
  stage_release
  installed_version
  place_release
  ensure_user
  ensure_dirs
  install_configs
  install_units
  switch_current
  tell_systemd
  COMMITTED=1
  start_services
  if ((CHANGES == 0)); then
    say "guestbench $VERSION is already installed in $PREFIX; nothing changed"
  else
    say "installed guestbench $VERSION in $PREFIX/current ($CHANGES changes)"
  fi
}

main "$@"
