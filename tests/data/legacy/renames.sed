# Wordings changed since the program that wrote these answers, one line
# each: the answers must be the same but for them (sed -f, over each file).
# The channel "radio" is named as the plan names it.
s/Chuyên mục phát thanh/Đài Truyền thanh/g
