/*
 * lock.c — one writer at a time on a content folder (see lock.h).
 */
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "lock.h"
#include "util.h"

#define	LOCK_CMD_MAX	80

int
lock_open(struct lock *l, const char *dir, enum lock_mode mode)
{
	l->mode = mode;
	l->fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	return l->fd != -1;
}

static int
S_flock(struct lock *l, int flags)
{
	int	 op = l->mode == LOCK_WRITE ? LOCK_EX : LOCK_SH;

	const char *hold;

	while (flock(l->fd, op | flags) == -1) {
		if (errno != EINTR)
			return 0;
	}
	/* Tests only: keep a writer's lock a while, so that a second
	 * command surely finds it taken (ANNUAIRE_TEST_LOCK_HOLD_MS). */
	if (l->mode == LOCK_WRITE &&
	    (hold = getenv("ANNUAIRE_TEST_LOCK_HOLD_MS")) != NULL)
		usleep((useconds_t)atoi(hold) * 1000);
	return 1;
}

int
lock_try(struct lock *l)
{
	return S_flock(l, LOCK_NB);
}

int
lock_wait(struct lock *l)
{
	return S_flock(l, 0);
}

/* The command line of process pid, arguments joined by spaces. */
static char *
S_cmdline(pid_t pid)
{
	char	 path[64], data[LOCK_CMD_MAX + 1];
	ssize_t	 n;
	int	 fd;

	snprintf(path, sizeof(path), "/proc/%ld/cmdline", (long)pid);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return NULL;
	n = read(fd, data, LOCK_CMD_MAX);
	close(fd);
	while (n > 0 && data[n - 1] == '\0')
		n--;
	if (n <= 0)
		return NULL;
	data[n] = '\0';
	while (--n >= 0)
		if (data[n] == '\0')
			data[n] = ' ';
	return xstrdup(data);
}

pid_t
lock_holder(const struct lock *l, char **cmd)
{
	struct stat	 st;
	FILE		*f;
	char		 line[256], kind[32];
	unsigned int	 maj, min;
	unsigned long	 ino;
	long		 pid, found = 0;

	if (cmd != NULL)
		*cmd = NULL;
	if (l->fd == -1 || fstat(l->fd, &st) == -1 ||
	    (f = fopen("/proc/locks", "re")) == NULL)
		return 0;
	/* "1: FLOCK  ADVISORY  WRITE 8324 fe:00:408224 0 EOF" */
	while (found == 0 && fgets(line, sizeof(line), f) != NULL) {
		if (sscanf(line, "%*s %31s %*s %*s %ld %x:%x:%lu", kind, &pid,
		    &maj, &min, &ino) == 5 && strcmp(kind, "FLOCK") == 0 &&
		    maj == major(st.st_dev) && min == minor(st.st_dev) &&
		    ino == (unsigned long)st.st_ino && pid != (long)getpid())
			found = pid;
	}
	fclose(f);
	if (found > 0 && cmd != NULL)
		*cmd = S_cmdline((pid_t)found);
	return (pid_t)found;
}

/* Whether name is "X.tmp-" and six letters or digits (mkstemp). */
static int
S_tmp_name(const char *name, int digits_only_base)
{
	size_t	 n = strlen(name), i;

	if (n <= 11 || strncmp(name + n - 11, ".tmp-", 5) != 0)
		return 0;
	for (i = n - 6; i < n; i++)
		if (!isalnum((unsigned char)name[i]))
			return 0;
	if (digits_only_base)
		for (i = 0; i < n - 11; i++)
			if (!isdigit((unsigned char)name[i]))
				return 0;
	return 1;
}

/*
 * Remove the leftovers of dir: files "X.tmp-XXXXXX", and with dirs set
 * folders "<digits>.tmp-XXXXXX" (an archive being built).  With
 * archives set, also visit each <edition>/remplacees/.
 */
static size_t
S_sweep(const char *dir, int dirs, int archives, struct diags *d)
{
	DIR		*dh;
	struct dirent	*e;
	struct stat	 st;
	char		*path, *sub;
	size_t		 n = 0;

	if ((dh = opendir(dir)) == NULL)
		return 0;
	while ((e = readdir(dh)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		path = path_join(dir, e->d_name);
		if (lstat(path, &st) == -1 || st.st_uid != getuid())
			;
		else if (S_ISREG(st.st_mode) && S_tmp_name(e->d_name, 0)) {
			if (unlink(path) == 0)
				n++;
			else
				diag_warn(d, path, 0, 0, "cannot remove this "
				    "temporary file: %s", strerror(errno));
		} else if (S_ISDIR(st.st_mode) && dirs &&
		    S_tmp_name(e->d_name, 1)) {
			if (remove_tree(path))
				n++;
			else
				diag_warn(d, path, 0, 0, "cannot remove this "
				    "temporary folder: %s", strerror(errno));
		} else if (S_ISDIR(st.st_mode) && archives) {
			sub = path_join(path, "remplacees");
			n += S_sweep(sub, 0, 0, d);
			free(sub);
		}
		free(path);
	}
	closedir(dh);
	return n;
}

size_t
lock_sweep(const char *dir, struct diags *d)
{
	char	*sub;
	size_t	 n;

	n = S_sweep(dir, 0, 0, d);
	sub = path_join(dir, "partenaires");
	n += S_sweep(sub, 0, 0, d);
	free(sub);
	sub = path_join(dir, "archives");
	n += S_sweep(sub, 1, 1, d);
	free(sub);
	return n;
}

void
lock_close(struct lock *l)
{
	if (l->fd != -1)
		close(l->fd);	/* releases the lock */
	l->fd = -1;
}
