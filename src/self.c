/* self.c - see self.h. */
#include "self.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

bool self_privileged(void)
{
	return getuid() != geteuid() || getgid() != getegid();
}

bool self_beside(const char *rel, char *out, size_t n)
{
	char exe[PATH_MAX];
	ssize_t len;
	char *slash;
	struct stat st;

	if (self_privileged() || (len = readlink("/proc/self/exe", exe, sizeof exe - 1)) <= 0)
		return false;
	exe[len] = 0;
	if (!(slash = strrchr(exe, '/')))
		return false;
	*slash = 0;
	return (size_t)snprintf(out, n, "%s/%s", exe, rel) < n && stat(out, &st) == 0;
}
