#!/usr/bin/env bash
# Rules of the sources that no compiler checks: only the store's own files
# speak LMDB and only the config's iniparser, the program starts no thread
# and loads no code, and no file grows past what one person can hold in
# their head.
. "$(dirname "$0")/lib.sh"
cd "$DIENHINH_ROOT" || exit 1

files=$(find src include -type f \( -name '*.c' -o -name '*.h' \) | sort)
lmdb=$(grep -lE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]lmdb\.h[>"]' $files)
t_contains "the store includes lmdb.h" "$lmdb" "src/store"
t_eq "no other file under src/ or include/ includes it" \
	"$(printf '%s\n' "$lmdb" | grep -v '^src/store[^/]*\.[ch]$')" ""
ini=$(grep -lE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]iniparser\.h[>"]' $files)
t_contains "the config's loader includes iniparser.h" "$ini" "src/config"
t_eq "no file but the config's under src/ or include/ includes it" \
	"$(printf '%s\n' "$ini" | grep -v '^src/config[^/]*\.c$')" ""
t_eq "no file starts a thread or loads code (thrd_create, pthread_create, dlopen)" \
	"$(grep -nE 'thrd_create|pthread_create|dlopen' $files)" ""

long=$(wc -l $(find src -type f \( -name '*.c' -o -name '*.h' \)) | awk '$2 != "total"')
t_eq "no file in src/ is over 1,300 lines" "$(awk '$1 > 1300 { print $2 }' <<<"$long")" ""
t_eq "only the store's files are over 900" \
	"$(awk '$1 > 900 { print $2 }' <<<"$long" | grep -v '^src/store[^/]*\.[ch]$')" ""
