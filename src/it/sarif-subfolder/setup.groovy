// The Reflekt project is a subfolder of a git work tree, as examples/jaffle-shop/ is of this repository.
new File(basedir, '.git').mkdirs()
