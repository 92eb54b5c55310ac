return evaluate(new File(basedir, '../../../src/it/setup-git-change.groovy'))
