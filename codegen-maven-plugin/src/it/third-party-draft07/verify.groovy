// The vendored schemas are bundled byte-identical; the mapping file names the events; the union stubs compile.
def src = new File(basedir, 'target/generated-sources/eventcontracts/com/example/webhooks')
def classes = new File(basedir, 'target/classes')
def res = new File(basedir, 'target/generated-resources/eventcontracts/META-INF/eventcontracts')
def log = new File(basedir, 'build.log').text

['AcmePushEvent', 'AcmeIssuesEvent', 'AcmePaymentEvent', 'AcmeMemberEvent', 'AcmePaymentMethod', 'CardMethod',
 'BankTransferMethod', 'MemberAdded', 'MemberRemoved', 'User', 'Repository', 'License', 'IssueReactions'].each {
  assert new File(src, it + '.java').isFile() : "missing generated source $it"
  assert new File(classes, 'com/example/webhooks/' + it + '.class').isFile() : "$it was not compiled"
}
assert new File(classes, 'com/example/app/PaymentAuditor.class').isFile()
['push.json', 'issues.json', 'payment.json', 'member.json', 'common/user.json', 'common/repository.json',
 'common/license.json'].each {
  assert new File(res, 'schemas/' + it).bytes == new File(basedir, 'src/main/contracts/' + it).bytes :
      "$it is not bundled byte-identical"
}
assert !new File(res, 'schemas/eventcontracts-mapping.json').exists() : 'the mapping file is not a contract'
def index = new groovy.json.JsonSlurper().parse(new File(res, 'index.json'))
assert index.contracts.findAll { it.kind == 'event' }*.subject.sort() == ['acme.issues', 'acme.member', 'acme.payment', 'acme.push']
assert index.contracts.find { it.subject == 'acme.issues' }.version == 2
assert index.contracts.every { it.dialect == 'http://json-schema.org/draft-07/schema' }
// lint findings are warnings, not errors
assert log.contains('[WARNING] src/main/contracts/common/user.json:7: 6 properties have no "description"')
return true
