# `make help`: the targets documented with "## " in the Makefile, under the groups that
# HELP_GROUPS names ("Group:target,target Group:target ..."), each group in its own order,
# descriptions in one column. A documented target in no group is listed under "Other".
#   awk -v groups="$(HELP_GROUPS)" -f scripts/help.awk Makefile
BEGIN {
  count = split(groups, list, " ")
  for (i = 1; i <= count; i++) {
    split(list[i], parts, ":")
    title[i] = parts[1]
    members[i] = split(parts[2], names, ",")
    for (j = 1; j <= members[i]; j++) { member[i, j] = names[j]; grouped[names[j]] = 1 }
  }
}
/^[a-z][a-z-]*:.*## / {
  target = $0; sub(/:.*/, "", target)
  text = $0; sub(/^[^#]*## /, "", text)
  help[target] = text
  documented[++targets] = target
  if (length(target) > width) width = length(target)
}
END {
  line = "  make %-" width "s  %s\n"
  for (i = 1; i <= count; i++) {
    printf "%s%s\n", (i > 1 ? "\n" : ""), title[i]
    for (j = 1; j <= members[i]; j++) if (member[i, j] in help) printf line, member[i, j], help[member[i, j]]
  }
  other = 0
  for (k = 1; k <= targets; k++) {
    if (documented[k] in grouped) continue
    if (!other++) printf "\nOther\n"
    printf line, documented[k], help[documented[k]]
  }
}
