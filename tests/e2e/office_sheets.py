#!/usr/bin/python3
"""Workbooks as offices keep them, written with openpyxl (a writer dienhinh did
not write), and the clean CSV file holding the same records.

    office_sheets.py good DIR   DIR/office.xlsx and DIR/clean.csv
    office_sheets.py bad DIR    DIR/bad.xlsx: an unknown unit (row 9), a date that
                                is not one (row 10) and an empty name (row 12)

office.xlsx has, above its table, the issuing body and a title (merged across);
a header over rows 6-7 with merged cells ("Năm sinh" over "Nam" / "Nữ",
"Nội dung" over two columns, the others merged down both rows); an STT
column; block headings ("I. Khối xã, phường") merged across; a blank row;
introduction dates as real dates (one in a cell of the 1900 base, shown as
dd/mm/yyyy) and as typed text "15/7/2024"; units by name, once without
accents; a total row and the signatures below it.  A second sheet before
it holds only notes, so the import must find the sheet with a header.
"""
import csv
import datetime
import os
import sys

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

# (unit name as typed, unit code, category label, name, birth year, gender,
#  position, achievements, date as written, date for the CSV)
ROWS = [
    ("Phường 1", "phuong1", "Cán bộ, công chức, viên chức, người lao động",
     "Nguyễn Văn An", 1980, "male", "Chủ tịch", "Dẫn đầu phong trào\ncải cách hành chính",
     datetime.datetime(2024, 7, 15), "2024-07-15"),
    ("PHUONG 2", "phuong2", "Người lao động, người tốt, việc tốt",
     "Trần Thị Bình", 1985, "female", "Công chức", "Trả lại của rơi",
     "15/7/2024", "2024-07-15"),
    ("Xã Long Bình", "longbinh", "Người dân, chức sắc tôn giáo",
     "Lê Văn Cường", 1962, "male", "", "Hiến đất làm đường",
     datetime.date(2024, 8, 2), "2024-08-02"),
    ("Xã Mỹ Bình", "mybinh", "Người lao động, người tốt, việc tốt",
     "Phạm Thị Dung", 1990, "female", "Giáo viên", "Cứu người đuối nước",
     "2/9/2024", "2024-09-02"),
]


def layout(ws, rows, heading_at=(2,)):
    """The printed layout: title block, two-row header, STT, blocks, total, signatures."""
    ws["A1"] = "ỦY BAN NHÂN DÂN THỊ XÃ"
    ws.merge_cells("A1:C1")
    ws["E1"] = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    ws.merge_cells("E1:I1")
    ws["A2"] = "PHÒNG NỘI VỤ"
    ws.merge_cells("A2:C2")
    ws["A4"] = "DANH SÁCH GƯƠNG ĐIỂN HÌNH TIÊN TIẾN QUÝ III NĂM 2024"
    ws.merge_cells("A4:I4")
    ws["A4"].font = Font(bold=True)
    for col, text in (("A", "STT"), ("B", "Họ và tên"), ("E", "Chức vụ"),
                      ("F", "Cơ quan, đơn vị"), ("G", "Lĩnh vực")):
        ws[col + "6"] = text
        ws.merge_cells(f"{col}6:{col}7")
    ws["C6"] = "Năm sinh"
    ws.merge_cells("C6:D6")
    ws["C7"], ws["D7"] = "Nam", "Nữ"
    ws["H6"] = "Nội dung"
    ws.merge_cells("H6:I6")
    ws["H7"], ws["I7"] = "Thành tích đạt được", "Ngày giới thiệu"
    r = 8
    blocks = {0: "I. Khối xã, phường", heading_at[0]: "II. Khối cơ quan, người dân"}
    for i, row in enumerate(rows):
        if i in blocks:
            ws.cell(r, 1, blocks[i])
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=9)
            r += 1
            if i:
                r += 1  # a blank row before the second block's records
        unit, _, cat, name, born, gender, pos, ach, date, _ = row
        values = [i + 1, name, born if gender == "male" else None,
                  born if gender == "female" else None, pos, unit, cat, ach, date]
        for c, v in enumerate(values, 1):
            if v not in (None, ""):
                cell = ws.cell(r, c, v)
                if isinstance(v, (datetime.date, datetime.datetime)):
                    cell.number_format = "dd/mm/yyyy"
                cell.alignment = Alignment(wrap_text=True)
        r += 1
    ws.cell(r, 1, "Tổng cộng")
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=2)
    ws.cell(r, 3, f"{len(rows)} gương")
    ws.cell(r + 2, 2, "Người lập biểu")
    ws.cell(r + 2, 7, "TRƯỞNG PHÒNG")
    ws.cell(r + 5, 2, "Nguyễn Thị Lập")
    ws.cell(r + 5, 7, "Võ Văn Trưởng")


def good(d):
    wb = Workbook()
    notes = wb.active
    notes.title = "Ghi chú"
    notes["A1"] = "Danh sách gửi Phòng Nội vụ trước ngày 05 hằng tháng."
    ws = wb.create_sheet("Danh sách")
    layout(ws, ROWS)
    wb.save(os.path.join(d, "office.xlsx"))
    with open(os.path.join(d, "clean.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["unit", "type", "category", "name", "gender", "birth_year", "position",
                    "achievements", "date"])
        for unit, code, cat, name, born, gender, pos, ach, _, iso in ROWS:
            w.writerow([code, "individual", cat, name, gender, born, pos, ach, iso])


def bad(d):
    rows = [list(r) for r in ROWS[:3]]
    rows[0][0] = "Phường Chín"          # row 9: no such unit
    rows[1][8] = "31/02/2024"           # row 10: no such day
    rows[2][3] = ""                     # row 12 (after the second heading): no name
    wb = Workbook()
    layout(wb.active, [tuple(r) for r in rows])
    wb.save(os.path.join(d, "bad.xlsx"))


if __name__ == "__main__":
    {"good": good, "bad": bad}[sys.argv[1]](sys.argv[2])
