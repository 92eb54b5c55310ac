// Shared by the check ITs (each case's setup.groovy evaluates it): makes the case a git repository whose HEAD holds
// contracts/, then puts the uncommitted change (change/) over it, as an author's working tree before a commit.
def run(List<String> cmd) {
  def p = (['git', '-c', 'user.name=it', '-c', 'user.email=it@example.com', '-c', 'commit.gpgsign=false'] + cmd)
      .execute(null, basedir)
  def out = new StringBuilder()
  p.consumeProcessOutput(out, out)
  assert p.waitFor() == 0 : "git ${cmd}: ${out}"
}
run(['init', '-q'])
run(['add', 'contracts'])
run(['commit', '-q', '-m', 'contracts as released'])
new File(basedir, 'change').eachFile { f -> new File(basedir, 'contracts/' + f.name).bytes = f.bytes }
return true
