// The checks every contract-error case shares live in src/it/verify-contract-errors.groovy (basedir is target/it/<case>).
return evaluate(new File(basedir, '../../../src/it/verify-contract-errors.groovy'))
