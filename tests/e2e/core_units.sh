#!/usr/bin/env bash
# `init` with the shipped config, then `units --format tsv`: the town's units
# with the quotas of plan III.1.
. "$(dirname "$0")/lib.sh"
# Act as the office account of the shipped config, whoever runs the tests.
export DIENHINH_USER=root

out=$(t_init_db); st=$?
t_eq "init with the shipped config exits 0" "$st" 0
units=$(dh units --format tsv); st=$?
t_eq "units --format tsv exits 0" "$st" 0
t_eq "header" "$(head -n 1 <<<"$units")" \
	$'code\tname\tkind\tblock\tquota\tactive_from\tactive_to\tsuccessor'
# active CODE: "active_from<TAB>active_to<TAB>successor" of one unit.
active() { awk -F'\t' -v c="$1" '$1 == c { print $6 "\t" $7 "\t" $8 }' <<<"$units"; }
t_eq "a ward merged on 1 July 2025: its last day and its successor" "$(active phuong1)" \
	$'\t2025-06-30\tphuongnganam'
t_eq "the ward it became: active from that day" "$(active phuongnganam)" $'2025-07-01\t\t'
t_eq "a unit active throughout: no dates" "$(active ttyt)" $'\t\t'
text=$(dh units --width 200)
t_contains "as text, in words, the successor by name" "$(grep -m 1 "^phuong1 " <<<"$text")" \
	"đến 30/06/2025, sau đó: Phường Ngã Năm"
t_contains "and the new ward's first day" "$(grep -m 1 "^phuongnganam " <<<"$text")" \
	"từ 01/07/2025"

# row CODE: "name<TAB>kind<TAB>quota" of one unit.
row() { awk -F'\t' -v c="$1" '$1 == c { print $2 "\t" $3 "\t" $5 }' <<<"$units"; }
# want CODE NAME KIND QUOTA WHY
want() { t_eq "$5: $2" "$(row "$1")" "$2"$'\t'"$3"$'\t'"$4"; }

# The 8 wards and communes (before the 2025 merger): 2 per quarter.
want phuong1 "Phường 1" ward 2 "ward, quota 2"
want phuong2 "Phường 2" ward 2 "ward, quota 2"
want phuong3 "Phường 3" ward 2 "ward, quota 2"
want longbinh "Xã Long Bình" commune 2 "commune, quota 2"
want mybinh "Xã Mỹ Bình" commune 2 "commune, quota 2"
want myquoi "Xã Mỹ Quới" commune 2 "commune, quota 2"
want tanlong "Xã Tân Long" commune 2 "commune, quota 2"
want vinhquoi "Xã Vĩnh Quới" commune 2 "commune, quota 2"
t_eq "8 wards and communes of the plan period, all at quota 2" \
	"$(awk -F'\t' '($3 == "ward" || $3 == "commune") && $5 == 2 && $7 == "2025-06-30"' \
		<<<"$units" | wc -l)" 8
# The named offices: 2 per quarter.
want ttyt "Trung tâm Y tế thị xã" service 2 "Health Center, quota 2"
want gddt "Phòng Giáo dục và Đào tạo" department 2 "Education and Training Office, quota 2"
want kinhte "Phòng Kinh tế" department 2 "Economic Office, quota 2"
# The Fatherland Front and its member organisations: 2 per quarter.
want mttq "Ủy ban Mặt trận Tổ quốc Việt Nam thị xã" front 2 "Fatherland Front, quota 2"
want thidoan "Thị đoàn (Đoàn TNCS Hồ Chí Minh)" mass_org 2 "member organisation, quota 2"
want phunu "Hội Liên hiệp Phụ nữ thị xã" mass_org 2 "member organisation, quota 2"
want nongdan "Hội Nông dân thị xã" mass_org 2 "member organisation, quota 2"
want cuuchienbinh "Hội Cựu chiến binh thị xã" mass_org 2 "member organisation, quota 2"
want laodong "Liên đoàn Lao động thị xã" mass_org 2 "member organisation, quota 2"
want chuthapdo "Hội Chữ thập đỏ thị xã" mass_org 2 "member organisation, quota 2"
t_eq "every mass organisation is at quota 2" \
	"$(awk -F'\t' '$3 == "mass_org" && $5 != 2' <<<"$units")" ""
# Armed forces: 1 per quarter.
want quansu "Ban Chỉ huy Quân sự thị xã" armed 1 "armed forces, quota 1"
want congan "Công an thị xã" armed 1 "armed forces, quota 1"
t_eq "exactly the two armed-forces units, both at quota 1" \
	"$(awk -F'\t' '$3 == "armed" { print $1 ":" $5 }' <<<"$units" | tr '\n' ' ')" \
	"quansu:1 congan:1 "
# Departments without a quota.
want tuphap "Phòng Tư pháp" department 0 "department without a quota"
want noivu "Phòng Nội vụ" department 0 "department without a quota"
want taichinh "Phòng Tài chính – Kế hoạch" department 0 "department without a quota"
want vanhoa "Phòng Văn hóa và Thông tin" department 0 "department without a quota"
t_eq "every department but Education and Economy is at quota 0" \
	"$(awk -F'\t' '$3 == "department" && $5 != 0 { print $1 }' <<<"$units" | tr '\n' ' ')" \
	"gddt kinhte "
t_eq "no unit has a quota other than 0, 1 or 2" \
	"$(awk -F'\t' 'NR > 1 && $5 !~ /^[012]$/' <<<"$units")" ""
# The units after the 2025 merger are there too.
want phuongnganam "Phường Ngã Năm" ward 2 "unit from 01/07/2025"

# Names stored as the config wrote them, NFC, byte for byte.
t_eq "names are precomposed (Phường = 50 68 c6 b0 e1 bb 9d 6e 67)" \
	"$(printf %s "$(row phuong1 | cut -f 1)" | od -An -tx1 | tr -s ' \n' ' ')" \
	" 50 68 c6 b0 e1 bb 9d 6e 67 20 31 "

# init again changes nothing; the units are listed once.
n=$(tail -n +2 <<<"$units" | wc -l)
t_init_db
t_eq "init twice: the same units" "$(dh units --format tsv)" "$units"
t_eq "no unit listed twice" "$(cut -f 1 <<<"$units" | sort | uniq -d)" ""
t_eq "the units sync once: one audit entry" \
	"$(dh log --format tsv | awk -F'\t' '$4 == "units" { print $1 }' | sort -u | wc -l)" 1
[ "$n" -ge 30 ]; t_report $? "the town's units are all there ($n)"
