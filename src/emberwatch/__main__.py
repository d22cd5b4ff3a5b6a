from emberwatch.cli import main

main()
