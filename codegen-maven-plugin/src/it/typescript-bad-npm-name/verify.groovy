// An invalid npm package name fails the build with the rule and an example, before anything is written.
def log = new File(basedir, 'build.log').text
assert log.contains('npm package name "Ticketing Events" is not valid: use lower-case letters, digits')
assert log.contains('e.g. @eventcontracts/ticketing-events')
assert !new File(basedir, 'target/typescript/package.json').exists()
return true
