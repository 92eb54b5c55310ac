// Shared by every error case (each case's verify.groovy evaluates it): the build failed on contract errors, and the
// contract errors logged as [ERROR] lines are exactly the lines of expected-errors.txt (`file:line: message; hint`).
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE') : 'the build should fail'
def expected = new File(basedir, 'expected-errors.txt').readLines()
    .findAll { it.trim() && !it.startsWith('#') } as Set
def logged = log.readLines()
    .findAll { it.startsWith('[ERROR] src/') }
    .collect { it.substring('[ERROR] '.length()) } as Set
assert !expected.isEmpty()
assert logged == expected : "contract errors differ.\nmissing:\n  " + (expected - logged).join('\n  ') +
    "\nunexpected:\n  " + (logged - expected).join('\n  ')
// The failure message repeats them after a count, so the final "Failed to execute goal" line stands on its own.
def count = expected.size() + (expected.size() == 1 ? ' contract error' : ' contract errors')
assert log.readLines().any { it.startsWith('[ERROR] Failed to execute goal') && it.contains(count + ' (fix the contracts listed') }
return true
