def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('eventcontracts: contractDependency io.eventcontracts:eventcontracts-schemas is not a dependency of io.eventcontracts.it:contract-dependency-missing; add it to <dependencies>')
// lists what is there, so a typo is easy to spot
assert log =~ /Dependencies on the compile class path: [^\n]*io\.eventcontracts:eventcontracts-runtime/
return true
