// Shared by the check ITs (each case's setup.groovy evaluates it): makes the case a git repository whose HEAD holds
// contracts/ (and proto/, when the case has .proto contracts), then puts the uncommitted change (change/) over it, as
// an author's working tree before a commit: change/*.proto go to proto/, other files to contracts/.
def run(List<String> cmd) {
  def p = (['git', '-c', 'user.name=it', '-c', 'user.email=it@example.com', '-c', 'commit.gpgsign=false'] + cmd)
      .execute(null, basedir)
  def out = new StringBuilder()
  p.consumeProcessOutput(out, out)
  assert p.waitFor() == 0 : "git ${cmd}: ${out}"
}
run(['init', '-q'])
['contracts', 'proto'].findAll { new File(basedir, it).isDirectory() }.each { run(['add', it]) }
run(['commit', '-q', '-m', 'contracts as released'])
new File(basedir, 'change').eachFile { f ->
  new File(basedir, (f.name.endsWith('.proto') ? 'proto/' : 'contracts/') + f.name).bytes = f.bytes
}
return true
