# Wordings changed since the program that wrote these answers, one line
# each: the answers must be the same but for them (sed -f, over each file).
# The channel "radio" and the category "movement" are named as the plan names them.
s/Chuyên mục phát thanh/Đài Truyền thanh/g
s/Phong trào thi đua của UBND thị xã/Phong trào thi đua do UBND thị xã phát động/g
# A report's blocks are lettered, not numbered like its sections.
s/^I\. Khối /A. Khối /
s/^II\. Khối /B. Khối /
s/^III\. Khối /C. Khối /
s/^IV\. Khối /D. Khối /
s/^V\. Khối /E. Khối /
