/*
 * banned.h: libc functions that are easy to misuse, made compile errors.
 * Use buf_addf()/snprintf(), the parsers in parse.h, and gmtime_r().
 * Included last from compat.h so system headers still declare them.
 */
#ifndef CARTREF_BANNED_H
#define CARTREF_BANNED_H

#define BANNED(func) sorry_##func##_is_banned_in_cartref

#undef strcpy
#define strcpy(x, y) BANNED(strcpy)
#undef strcat
#define strcat(x, y) BANNED(strcat)
#undef strncpy
#define strncpy(x, y, n) BANNED(strncpy)
#undef strncat
#define strncat(x, y, n) BANNED(strncat)
#undef sprintf
#define sprintf(...) BANNED(sprintf)
#undef vsprintf
#define vsprintf(...) BANNED(vsprintf)
#undef strtok
#define strtok(x, y) BANNED(strtok)
#undef atoi
#define atoi(x) BANNED(atoi)
#undef atol
#define atol(x) BANNED(atol)
#undef gets
#define gets(x) BANNED(gets)
#undef gmtime
#define gmtime(t) BANNED(gmtime)
#undef localtime
#define localtime(t) BANNED(localtime)

#endif
